import Foundation
import GRDB
import KinoCore

/// The checksums of a take's cached frames, recorded in the project so that a frame file
/// changed or replaced behind Kino's back is never served: it is regenerated instead.
extension ProjectStore {
    /// Records the SHA-256 of frame files of `take` at `size` (frame → hex digest), in one transaction.
    public func recordFrameChecksums(take: TakeID, size: Resolution, _ checksums: [Int: String]) throws {
        guard !checksums.isEmpty else { return }
        try mapped {
            try db.write { db in
                let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO frame_checksum (take_id, width, height, frame, sha256) VALUES (?,?,?,?,?)")
                for (frame, hash) in checksums.sorted(by: { $0.key < $1.key }) {
                    try insert.execute(arguments: [take.raw, size.width, size.height, frame, hash])
                }
            }
        }
    }

    /// The recorded checksums of `take`'s frames at `size`, by frame.
    public func frameChecksums(take: TakeID, size: Resolution) throws -> [Int: String] {
        try mapped {
            try db.read { db in
                var out: [Int: String] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT frame, sha256 FROM frame_checksum WHERE take_id = ? AND width = ? AND height = ?",
                                               arguments: [take.raw, size.width, size.height])
                while let r = try rows.next() { out[r["frame"]] = r["sha256"] }
                return out
            }
        }
    }

    /// The recorded checksum of one frame, if any.
    public func frameChecksum(take: TakeID, size: Resolution, frame: Int) throws -> String? {
        try mapped {
            try db.read {
                try String.fetchOne($0, sql: "SELECT sha256 FROM frame_checksum WHERE take_id = ? AND width = ? AND height = ? AND frame = ?",
                                    arguments: [take.raw, size.width, size.height, frame])
            }
        }
    }

    /// The checksum a checkpoint's state is stored with.
    static func checkpointChecksum(_ state: Data) -> String { SHA256Digest.hex(state) }
}
