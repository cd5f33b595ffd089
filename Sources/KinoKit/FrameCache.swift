import Foundation
import KinoCore
import KinoMedia
import KinoStore

/// The sidecar folder NAME.kino-cache/: PNG frames keyed by take, size and frame number.
/// Deleting it loses nothing — frames are regenerated from the take's recipe. Every frame
/// file's SHA-256 is recorded in the project; a file whose content does not match (or that
/// has no recorded checksum) is never served: it counts as missing and is generated again.
struct FrameCache: Sendable {
    let directory: String
    let store: ProjectStore

    /// The folder of a take's frames at one size. The take id is checked to be one Kino made
    /// (ids read from a file are validated on load too), so the path stays inside the cache.
    func folder(take: TakeID, size: Resolution) throws -> String {
        try take.checkWellFormed()
        return try contained("\(directory)/\(take.raw)/\(size.width)x\(size.height)", in: directory)
    }

    func path(take: TakeID, size: Resolution, frame: Int) throws -> String {
        try folder(take: take, size: size) + String(format: "/%06d.png", frame)
    }

    /// Whether a verified copy of the frame can be expected: the file is there and its checksum is recorded.
    func contains(take: TakeID, size: Resolution, frame: Int, checksums: [Int: String]) throws -> Bool {
        guard checksums[frame] != nil else { return false }
        return FileManager.default.fileExists(atPath: try path(take: take, size: size, frame: frame))
    }

    /// The frame, if its file is there and matches its recorded checksum. A file that does
    /// not (replaced, damaged, or written by a run that never recorded it) is removed, so that
    /// it is generated again.
    func read(take: TakeID, size: Resolution, frame: Int) throws -> Frame? {
        let p = try path(take: take, size: size, frame: frame)
        guard let data = FileManager.default.contents(atPath: p) else { return nil }
        let expected = try store.frameChecksum(take: take, size: size, frame: frame)
        guard let expected, SHA256Digest.hex(data) == expected,
              let f = try? decodePNG(data: data), f.width == size.width, f.height == size.height else {
            unlink(p)
            return nil
        }
        return f
    }

    /// Whether the frame's file matches its recorded checksum (without decoding it); a file
    /// that does not is removed.
    func verify(take: TakeID, size: Resolution, frame: Int, checksums: [Int: String]) throws -> Bool {
        let p = try path(take: take, size: size, frame: frame)
        guard let data = FileManager.default.contents(atPath: p) else { return false }
        guard let expected = checksums[frame], SHA256Digest.hex(data) == expected else {
            unlink(p)
            return false
        }
        return true
    }

    /// Writes through a temporary name and renames, so a killed process never leaves a torn
    /// frame. Returns the file's checksum, which the caller records in the project.
    @discardableResult
    func write(_ frame: Frame, take: TakeID, size: Resolution, index: Int) throws -> String {
        let dir = try folder(take: take, size: size)
        try createFolder(dir)
        let final = try path(take: take, size: size, frame: index)
        let tmp = final + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        let data = try encodePNGData(frame, compressionLevel: 1)
        let checksum = SHA256Digest.hex(data)
        guard FileManager.default.createFile(atPath: tmp, contents: data) else {
            throw KinoKitError.cacheUnwritable(dir, detail: freeSpaceDetail(dir))
        }
        guard rename(tmp, final) == 0 else {
            unlink(tmp)
            throw KinoKitError.cacheUnwritable(dir, detail: freeSpaceDetail(dir))
        }
        return checksum
    }

    /// Creates a folder inside the cache, with a clear error when the cache path is a file.
    func createFolder(_ dir: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), !isDir.boolValue {
            throw KinoKitError.cacheUnwritable(directory, detail: "it is a file, not a folder; move it away")
        }
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw KinoKitError.cacheUnwritable(dir, detail: freeSpaceDetail(directory))
        }
    }

    /// Removes every cached frame of a take (one that will never be served).
    func removeFrames(of take: TakeID) {
        guard take.isWellFormed else { return }
        try? FileManager.default.removeItem(atPath: "\(directory)/\(take.raw)")
    }

    /// Frames of [range) without a verified copy in the cache, as contiguous runs.
    func missingRuns(take: TakeID, size: Resolution, range: Range<Int>) throws -> [Range<Int>] {
        let checksums = try store.frameChecksums(take: take, size: size)
        var runs: [Range<Int>] = []
        var start: Int? = nil
        for f in range {
            if try contains(take: take, size: size, frame: f, checksums: checksums) {
                if let s = start { runs.append(s..<f); start = nil }
            } else if start == nil { start = f }
        }
        if let s = start { runs.append(s..<range.upperBound) }
        return runs
    }
}

/// `path`, refused unless it lies inside `root` once `.` and `..` are resolved: no path a
/// cache or an export builds from data may leave its folder.
func contained(_ path: String, in root: String) throws -> String {
    let r = (root as NSString).standardizingPath, p = (path as NSString).standardizingPath
    guard p == r || p.hasPrefix(r.hasSuffix("/") ? r : r + "/") else { throw KinoKitError.outsideFolder(path: path, folder: root) }
    return path
}

/// "the disk is full" when the file system holding `folder` has no space left, else a hint.
func freeSpaceDetail(_ folder: String) -> String {
    var probe = folder.isEmpty ? "." : folder
    var st = statvfs()
    while statvfs(probe, &st) != 0 {
        let up = parentFolder(of: probe)
        guard !up.isEmpty, up != probe else { return "check its permissions and free space" }
        probe = up
    }
    return st.f_blocks > 0 && st.f_bavail == 0 ? "the disk is full" : "check its permissions and free space"
}

/// Errors of the session layer, each one sentence.
public enum KinoKitError: Error, LocalizedError, Sendable {
    case cacheUnwritable(String, detail: String)
    case outsideFolder(path: String, folder: String)
    case damagedCheckpoint(take: String, detail: String)
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

    /// One line, whatever the user typed: quoted values are shown with control characters escaped.
    public var errorDescription: String? { sentence.terminalSafeLine }

    private var sentence: String {
        switch self {
        case .folderUnwritable(let d): return "cannot write into \(d); check the path and its permissions"
        case .cacheUnwritable(let d, let why): return "cannot write the frame cache at \(d): \(why)"
        case .outsideFolder(let p, let f): return "refusing to write \(p): it lies outside \(f)"
        case .damagedCheckpoint(let t, let d): return "a checkpoint of take \(t) cannot be used (\(d)); render the shot again to make a new take"
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
