import Foundation
import KinoCore

/// Where an export writes while it runs: a hidden name beside the destination,
/// `.NAME.partial-PID-RANDOM`, renamed onto the destination only when complete. The PID and a
/// random suffix keep two exports (in one process or several) from ever sharing a name; the
/// PID also lets a later export remove leftovers of a process that was killed.
struct TemporaryDestination {
    let destination: String
    let folder: String
    let name: String
    let path: String
    let isFolder: Bool

    /// Checks the folder and the destination, removes dead processes' leftovers, and picks the
    /// temporary name (creating the temporary folder for a PNG sequence).
    init(destination rawDestination: String, isFolder: Bool) throws {
        let fm = FileManager.default
        var dest = (rawDestination as NSString).standardizingPath
        while dest.count > 1 && dest.hasSuffix("/") { dest.removeLast() }
        if !dest.hasPrefix("/") { dest = (fm.currentDirectoryPath as NSString).appendingPathComponent(dest) }
        destination = dest
        folder = parentFolder(of: dest)
        name = fileName(of: dest)
        self.isFolder = isFolder

        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw MediaError.folderMissing(folder)
        }
        if fm.fileExists(atPath: dest, isDirectory: &isDir) {
            if isFolder {
                guard isDir.boolValue, TemporaryDestination.holdsOnlySequence(dest) else {
                    throw MediaError.destinationInTheWay(dest)
                }
            } else if isDir.boolValue {
                throw MediaError.destinationInTheWay(dest)
            }
        }
        TemporaryDestination.removeLeftovers(in: folder, name: name)
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        path = (folder as NSString).appendingPathComponent(".\(name).partial-\(getpid())-\(suffix)")
        if isFolder {
            guard mkdir(path, 0o755) == 0 else { throw writeError(errno: errno, path: dest) }
        } else {
            // Probe writability now so the error names the folder, not an encoder.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw writeError(errno: errno, path: dest) }
            close(fd)
        }
    }

    /// Moves the finished temporary onto the destination. A previous PNG sequence there is
    /// swapped out first and then deleted; a previous file is replaced by the rename itself.
    func commit() throws {
        if !isFolder {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd >= 0 { _ = fsync(fd); close(fd) }
            guard rename(path, destination) == 0 else { throw writeError(errno: errno, path: destination) }
            return
        }
        var aside: String?
        if FileManager.default.fileExists(atPath: destination) {
            let old = (folder as NSString).appendingPathComponent(
                ".\(name).replaced-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))")
            guard rename(destination, old) == 0 else { throw writeError(errno: errno, path: destination) }
            aside = old
        }
        guard rename(path, destination) == 0 else {
            let e = errno
            if let aside { _ = rename(aside, destination) }
            throw writeError(errno: e, path: destination)
        }
        if let aside { try? FileManager.default.removeItem(atPath: aside) }
    }

    /// Deletes the temporary (after a failure or a cancel).
    func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// True when `folder` is empty or holds only frame_NNNNNN.png files: safe to replace.
    static func holdsOnlySequence(_ folder: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        return names.allSatisfy { $0.hasPrefix("frame_") && $0.hasSuffix(".png") }
    }

    /// Removes `.NAME.partial-PID-*` and `.NAME.replaced-PID-*` left by processes that no
    /// longer exist (an export killed with SIGKILL cannot clean up after itself).
    static func removeLeftovers(in folder: String, name: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for prefix in [".\(name).partial-", ".\(name).replaced-"] {
            for entry in names where entry.hasPrefix(prefix) {
                let rest = entry.dropFirst(prefix.count)
                guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), pid > 0 else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH {
                    try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
                }
            }
        }
    }
}
