import Foundation
import KinoCore
import KinoMedia

/// The sidecar folder NAME.kino-cache/: PNG frames keyed by take, size and frame number.
/// Deleting it loses nothing — frames are regenerated from the take's recipe.
struct FrameCache: Sendable {
    let directory: String

    func folder(take: TakeID, size: Resolution) -> String {
        "\(directory)/\(take.raw)/\(size.width)x\(size.height)"
    }

    func path(take: TakeID, size: Resolution, frame: Int) -> String {
        folder(take: take, size: size) + String(format: "/%06d.png", frame)
    }

    func contains(take: TakeID, size: Resolution, frame: Int) -> Bool {
        FileManager.default.fileExists(atPath: path(take: take, size: size, frame: frame))
    }

    func read(take: TakeID, size: Resolution, frame: Int) -> Frame? {
        let p = path(take: take, size: size, frame: frame)
        guard let data = FileManager.default.contents(atPath: p) else { return nil }
        guard let f = try? decodePNG(data: data), f.width == size.width, f.height == size.height else {
            // A damaged frame is removed so that it is generated again.
            unlink(p)
            return nil
        }
        return f
    }

    /// Writes through a temporary name and renames, so a killed process never leaves a torn frame.
    func write(_ frame: Frame, take: TakeID, size: Resolution, index: Int) throws {
        let dir = folder(take: take, size: size)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let final = path(take: take, size: size, frame: index)
        let tmp = final + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        let data = try encodePNGData(frame, compressionLevel: 1)
        guard FileManager.default.createFile(atPath: tmp, contents: data) else {
            throw KinoKitError.cacheUnwritable(dir)
        }
        guard rename(tmp, final) == 0 else {
            unlink(tmp)
            if FileManager.default.fileExists(atPath: final) { return }   // another job wrote it
            throw KinoKitError.cacheUnwritable(dir)
        }
    }

    /// Frames of [range) missing from the cache, as contiguous runs.
    func missingRuns(take: TakeID, size: Resolution, range: Range<Int>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int? = nil
        for f in range {
            if contains(take: take, size: size, frame: f) {
                if let s = start { runs.append(s..<f); start = nil }
            } else if start == nil { start = f }
        }
        if let s = start { runs.append(s..<range.upperBound) }
        return runs
    }
}

/// Errors of the session layer, each one sentence.
public enum KinoKitError: Error, LocalizedError, Sendable {
    case cacheUnwritable(String)
    case folderUnwritable(String)
    case shotHasNoFrames(String)
    case timePastEnd(shot: String, time: String, length: String)
    case refineRange(String)
    case takeNotComplete(String)
    case missingFile(String)
    case changedFile(String)
    case footageNotExtendable(String)
    case notAnImage(String, detail: String)
    case nothingToExport
    case shotChangedDuringExport(String)
    case exportRange(String)
    case noProvenance(String)

    public var errorDescription: String? {
        switch self {
        case .folderUnwritable(let d): return "cannot write into \(d); check the path and its permissions"
        case .cacheUnwritable(let d): return "cannot write the frame cache at \(d); check its permissions and free space"
        case .shotHasNoFrames(let s): return "shot \(s) has no frames yet; render it first with 'kino render --shot \(s)'"
        case .timePastEnd(let s, let t, let l): return "time \(t) is past the end of shot \(s), which is \(l) s long"
        case .refineRange(let s): return "refine range \(s)"
        case .takeNotComplete(let t): return "take \(t) did not finish; render the shot again"
        case .missingFile(let p): return "\(p): no such file"
        case .changedFile(let p): return "\(p) changed since it was added to the project; add it again to use the new content"
        case .footageNotExtendable(let s): return s
        case .notAnImage(let p, let d): return "\(p) is not a readable image (\(d))"
        case .shotChangedDuringExport(let s): return "shot \(s) changed length during the export; export again"
        case .nothingToExport: return "the project has no shots to export; add one with 'kino shot add'"
        case .exportRange(let s): return "export range \(s)"
        case .noProvenance(let p): return "\(p) carries no kino record; only movies exported by Kino (MP4, MOV, MKV) do"
        }
    }
}
