/// Where a take came from.
public enum TakeLineage: Hashable, Sendable, Codable {
    case rendered
    case extended(from: TakeID, frames: Int)
    case refined(from: TakeID, atFrame: Int)
    case imported
}

/// `interrupted`: the process rendering it was killed (or the disk filled); recognised when the
/// project is next opened, since no live process owns it.
public enum TakeStatus: String, Hashable, Sendable, Codable { case rendering, complete, cancelled, failed, interrupted }

/// One generation of a shot. Regenerating adds a take; it never destroys an earlier one.
public struct Take: Hashable, Sendable, Codable, Identifiable {
    public var id: TakeID
    public var shotID: ShotID
    public var seed: UInt64
    /// Hash of every input that decided the pixels (prompt, camera, cast appearances, lighting, seed, engine).
    public var inputHash: String
    public var lineage: TakeLineage
    public var status: TakeStatus
    public var engine: String
    public var frameCount: Int
    /// The prompt as it was for this take (extend/refine may change it for the new part).
    public var prompt: String
    public var createdAt: Double

    public init(id: TakeID, shotID: ShotID, seed: UInt64, inputHash: String, lineage: TakeLineage,
                status: TakeStatus, engine: String, frameCount: Int, prompt: String, createdAt: Double) {
        self.id = id; self.shotID = shotID; self.seed = seed; self.inputHash = inputHash
        self.lineage = lineage; self.status = status; self.engine = engine
        self.frameCount = frameCount; self.prompt = prompt; self.createdAt = createdAt
    }
}

/// A named point on the timeline.
public struct Marker: Hashable, Sendable, Codable, Identifiable {
    public var id: MarkerID
    public var frame: Int
    public var label: String
    public init(id: MarkerID, frame: Int, label: String) { self.id = id; self.frame = frame; self.label = label }
}
