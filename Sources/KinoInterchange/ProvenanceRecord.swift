import Foundation
import KinoCore

/// The `kino` record a movie export carries: for every shot in the file, the frames of the
/// file it covers and the take, engine, seed, prompt and input hash they came from. No
/// wall-clock time, so exporting the same project twice writes the same bytes.
public struct ProvenanceRecord: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        /// Frames of the file, [start, end).
        public var start: Int
        public var end: Int
        /// The shot's own frame at `start` (nonzero when the export range begins inside it).
        public var shotFrame: Int
        public var shot: String
        public var scene: String
        public var name: String
        public var take: String?
        public var engine: String?
        public var seed: String
        public var prompt: String
        public var inputHash: String?
    }
    public var version: Int
    public var project: String
    /// The exact frame rate ("24000/1001").
    public var rate: String
    public var frames: Int
    public var shots: [Entry]

    /// The record of the timeline frames `range` of a cut.
    public init(cut: Cut, range: Range<Int>) {
        version = 1
        project = cut.project.settings.name
        rate = cut.rate.perSecond.description
        frames = range.count
        shots = cut.clips.compactMap { c in
            let lo = max(c.start, range.lowerBound), hi = min(c.start + c.shot.duration, range.upperBound)
            guard lo < hi else { return nil }
            return Entry(start: lo - range.lowerBound, end: hi - range.lowerBound, shotFrame: lo - c.start,
                         shot: c.shot.id.raw, scene: c.shot.sceneID.raw, name: c.shot.title, take: c.take?.id.raw,
                         engine: c.take?.engine, seed: String(c.shot.seed), prompt: c.shot.prompt, inputHash: c.take?.inputHash)
        }
    }

    /// One chapter per run of a scene within `range`, in the file's frames.
    public static func chapters(cut: Cut, range: Range<Int>) -> [(title: String, start: Int, end: Int)] {
        cut.sceneRuns.compactMap { run in
            let lo = max(run.start, range.lowerBound), hi = min(run.end, range.upperBound)
            return lo < hi ? (run.scene.name, lo - range.lowerBound, hi - range.lowerBound) : nil
        }
    }

    /// Compact JSON with sorted keys: the same record is always the same text.
    public func json() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self)
    }

    public static func parse(_ text: String, file: String) throws -> ProvenanceRecord {
        do { return try JSONDecoder().decode(ProvenanceRecord.self, from: Data(text.utf8)) } catch {
            throw InterchangeError.notOTIO(file: file, reason: "its kino record does not read")
        }
    }

    /// Lines a person reads: which shot and take every frame range came from.
    public var text: String {
        var lines = ["\(project): \(frames) frames at \(rate) fps, \(shots.count) shots"]
        let fps = (try? FrameRate.parse(rate)) ?? .fps24
        let tc = Timecode(rate: fps)
        for e in shots {
            let from = (try? tc.string(e.start)) ?? "\(e.start)", to = (try? tc.string(e.end)) ?? "\(e.end)"
            let take = e.take.map { "take \($0)" } ?? "no take"
            lines.append("\(from)-\(to)  frames \(e.start)-\(e.end - 1)  \(e.shot) \(take) seed \(e.seed) \(e.engine ?? "")  \(e.name)")
            if let h = e.inputHash { lines.append("    input \(h)") }
        }
        return lines.joined(separator: "\n")
    }
}
