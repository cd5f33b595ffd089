import Foundation

/// The checkpoint format of ProceduralEngine: a short magic line naming the format version,
/// then the WorldState as JSON with sorted keys. JSON keeps every Double and Float exact
/// (shortest round-trip digits), so a restored state steps bit-identically; sorted keys make
/// the bytes themselves deterministic.
enum CheckpointCodec {
    static let magic = Data("kino-world/1\n".utf8)

    static func encode(_ state: WorldState) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain value types with finite numbers cannot fail.
        let body = (try? encoder.encode(state)) ?? Data()
        return magic + body
    }

    static func decode(_ data: Data) throws -> WorldState {
        guard data.count > magic.count, data.prefix(magic.count) == magic else {
            throw GenerationError.incompatibleCheckpoint("it was not written by this engine's state format (kino-world/1)")
        }
        do {
            return try JSONDecoder().decode(WorldState.self, from: data.dropFirst(magic.count))
        } catch {
            throw GenerationError.incompatibleCheckpoint("its state is damaged (\(error.localizedDescription))")
        }
    }
}
