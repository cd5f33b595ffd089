import Foundation
import GRDB
import KinoCore

/// What a killed process or a full disk left half-done, recognised and settled on open.
extension ProjectStore {
    /// Marks takes left `rendering` by a process that is gone as `interrupted`; returns them.
    /// Writes nothing when there are none (an up-to-date file is never written), or when the
    /// project is open read-only.
    public func settleInterruptedTakes() throws -> [TakeID] {
        guard readOnlySidecars == nil else { return [] }
        let rendering = try mapped {
            try db.read { try Row.fetchAll($0, sql: "SELECT id, owner_pid FROM take WHERE status = 'rendering'") }
        }
        let abandoned = rendering.filter { r in
            guard let pid: Int64 = r["owner_pid"], pid > 0, pid <= Int64(Int32.max) else { return true }
            return !processIsAlive(pid_t(pid))
        }.map { TakeID(raw: $0["id"]) }
        guard !abandoned.isEmpty else { return [] }
        try mapped {
            try db.write { db in
                for id in abandoned {
                    try db.execute(sql: "UPDATE take SET status = 'interrupted', owner_pid = NULL WHERE id = ? AND status = 'rendering'", arguments: [id.raw])
                }
            }
        }
        return abandoned.filter(\.isWellFormed)
    }

    /// Removes a take that never finished and never became current, with its checkpoints,
    /// thumbnails and frame checksums (a cancelled render leaves nothing behind).
    public func removeUnfinishedTake(_ id: TakeID) throws {
        try mapped {
            try db.write { db in
                try db.execute(sql: "DELETE FROM take WHERE id = ? AND status != 'complete'", arguments: [id.raw])
            }
        }
    }
}

/// Whether a process with this id exists (EPERM: it does, owned by someone else).
func processIsAlive(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
}

extension ProjectStore {
    /// Removes `.NAME.creating-PID` files (and their -wal/-shm) that a killed `kino new` left
    /// beside `path`, when process PID is gone.
    static func removeAbandonedCreations(of path: String) {
        let folder = parentFolder(of: path)
        let prefix = ".\(fileName(of: path)).creating-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            var rest = entry.dropFirst(prefix.count)
            for suffix in ["-wal", "-shm", "-journal"] where rest.hasSuffix(suffix) { rest = rest.dropLast(suffix.count) }
            guard let pid = Int32(rest), pid > 0, !processIsAlive(pid) else { continue }
            unlink((folder.isEmpty ? "." : folder) + "/" + entry)
        }
    }
}
