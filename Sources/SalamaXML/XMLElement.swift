internal import CLibXML2

/// An element of a parsed document, read through Swift values only.
public struct XMLElement {
    public static let xmlNamespace = xmlNamespaceLiteral.description
    public static let xmlNamespaceLiteral: StaticString = "http://www.w3.org/XML/1998/namespace"

    let document: XMLDocument
    let node: xmlNodePtr
    /// The file that holds this element (the top file or an included module).
    public let file: String

    init(document: XMLDocument, node: xmlNodePtr, file: String) {
        self.document = document
        self.node = node
        self.file = file
    }

    /// The local name, without prefix.
    public var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, or nil for none.
    public var namespaceURI: String? {
        node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
    }

    /// The element's line in the file that holds it: where its start tag begins.
    public var line: Int { location.line }

    /// Where the element's start tag stands.
    public var location: SourceLocation { document.location(of: node, file: file) }

    /// The value of an attribute without namespace, or nil when absent.
    public func attribute(_ name: String) -> String? {
        attribute(name, namespace: nil)
    }

    /// The value of an attribute in `namespace` (nil for no namespace), or nil when absent.
    public func attribute(_ name: String, namespace: String?) -> String? {
        var property = node.pointee.properties
        while let attribute = property {
            defer { property = attribute.pointee.next }
            // Compared in place: a checklist's elements are read by the thousand.
            guard Self.spells(attribute.pointee.name, name) else { continue }
            switch (attribute.pointee.ns?.pointee.href, namespace) {
            case (nil, nil): break
            case let (href?, namespace?) where Self.spells(href, namespace): break
            default: continue
            }
            return textOfChildren(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self))
        }
        return nil
    }

    /// Whether a NUL-terminated libxml2 string spells `text`.
    private static func spells(_ pointer: UnsafePointer<xmlChar>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() where pointer[index] != byte { return false }
            return pointer[bytes.count] == 0
        }
    }

    /// Whether this element or one above it in its own file carries an `xml:base` (as written
    /// by an author: the ones inclusion adds are on included roots, above the module's file).
    var hasAuthorBase: Bool {
        var current: xmlNodePtr? = node
        while let element = current, element.pointee.type == XML_ELEMENT_NODE {
            if xmlHasNsProp(element, "base", salama_xml_namespace()) != nil { return true }
            current = element.pointee.parent
        }
        return false
    }

    /// `xml:lang` on this element itself.
    public var language: String? { attribute("lang", namespace: Self.xmlNamespace) }

    /// The child elements, in document order.
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let hasBase = xmlHasNsProp(current, "base", salama_xml_namespace()) != nil
                result.append(XMLElement(document: document, node: current, file: hasBase ? document.fileHolding(current) : file))
            }
            child = current.pointee.next
        }
        return result
    }

    /// The text of the element and its descendants.
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { salama_xml_free(content) }
        return String(cString: content)
    }

    private func textOfChildren(_ parent: xmlNodePtr) -> String {
        var result = ""
        var child = parent.pointee.children
        while let current = child {
            if let content = current.pointee.content { result += String(cString: content) }
            child = current.pointee.next
        }
        return result
    }

    /// The comments directly inside this element, with their text.
    public var comments: [String] {
        var result: [String] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_COMMENT_NODE, let content = current.pointee.content {
                result.append(String(cString: content))
            }
            child = current.pointee.next
        }
        return result
    }
}
