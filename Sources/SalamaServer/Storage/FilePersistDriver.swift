import SalamaModel
import Foundation
import Hummingbird
import ServiceLifecycle

/// Key/value storage for the trainers' sessions, kept in one JSON file of the data folder
/// (mode 0600, written atomically on each change) so that a restarted server keeps them.
actor FilePersistDriver: PersistDriver {
    private struct Entry: Codable {
        var value: Data
        /// Seconds since 1970; nil for no expiry.
        var expires: Double?
    }

    private let path: String
    private var entries: [String: Entry]

    init(path: String) {
        self.path = path
        if let data = FileManager.default.contents(atPath: path),
           let entries = try? JSONDecoder().decode([String: Entry].self, from: data) {
            self.entries = entries
        } else {
            self.entries = [:]
        }
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard live(key) == nil else { throw PersistError.duplicate }
        entries[key] = Entry(value: try JSONEncoder().encode(value), expires: expires.map(Self.deadline))
        try save()
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let kept = live(key)?.expires
        entries[key] = Entry(value: try JSONEncoder().encode(value), expires: expires.map(Self.deadline) ?? kept)
        try save()
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        guard let entry = live(key) else { return nil }
        guard let object = try? JSONDecoder().decode(Object.self, from: entry.value) else { throw PersistError.invalidConversion }
        return object
    }

    func remove(key: String) async throws {
        guard entries.removeValue(forKey: key) != nil else { return }
        try save()
    }

    /// Forgets expired entries every ten minutes.
    func run() async throws {
        let timer = AsyncStream<Void> { continuation in
            let task = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(600))
                    continuation.yield()
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        for await _ in timer.cancelOnGracefulShutdown() {
            let now = Date().timeIntervalSince1970
            let before = entries.count
            entries = entries.filter { ($0.value.expires ?? .infinity) > now }
            if entries.count != before { try? save() }
        }
    }

    private func live(_ key: String) -> Entry? {
        guard let entry = entries[key] else { return nil }
        if let expires = entry.expires, expires <= Date().timeIntervalSince1970 { return nil }
        return entry
    }

    private func save() throws {
        try AtomicFile.write(Array(try JSONEncoder().encode(entries)), to: path, permissions: 0o600)
    }

    private static func deadline(_ duration: Duration) -> Double {
        Date().timeIntervalSince1970 + Double(duration.components.seconds)
    }
}
