import Foundation
import Hummingbird
import NIOCore
import SalamaXML

/// The server `salama serve` runs, for the executable (which does not import Hummingbird).
public struct WorkshopServer: Sendable {
    private let application: any ApplicationProtocol

    public init(_ options: ServerOptions) async throws {
        application = try await buildApplication(options)
    }

    /// Serves until SIGINT (Ctrl-C) or SIGTERM, then stops gracefully.
    public func run() async throws {
        try await application.runService()
    }
}

/// Why the server could not start, or stopped, in the trainer's words.
public enum ServerProblem {
    /// `error` as lines of text in `language`, each quoted value passed through `quoting`:
    /// the checklists' or the data folder's problems, a passphrase file that cannot be read,
    /// `port` already taken, else the error as the library describes it.
    public static func lines(for error: any Error, port: Int, in language: Language, quoting: (String) -> String = { $0 }) -> [String] {
        switch error {
        case let problem as WorkshopProblem:
            return problem.lines(in: language, quoting: quoting)
        case let problem as IOError where problem.errnoCode == EADDRINUSE:
            return [ServerMessage.addressTaken(port: port).message.rendered(in: language, quoting: quoting)]
        default:
            return [ServerMessage.serverStopped(reason: String(describing: error)).message.rendered(in: language, quoting: quoting)]
        }
    }
}

/// The IPv4 addresses of this computer's network interfaces other than loopback: where phones
/// on the same Wi-Fi reach the server.
public enum NetworkAddresses {
    public static func lan() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let start = first else { return [] }
        defer { freeifaddrs(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = start
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK) == 0, entry.pointee.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !addresses.contains(text) { addresses.append(text) }
        }
        return addresses
    }
}
