import Foundation
import GRDB
import KinoCore

/// Reads a file's SQLite header without opening it as a database, so that a foreign,
/// truncated or non-SQLite file is refused before SQLite could touch it.
enum FileCheck {
    /// 'KINO' as a big-endian 32-bit number, stored in the SQLite header's application_id.
    static let applicationID: Int32 = 0x4B49_4E4F

    static func verify(path: String) throws {
        var st = stat()
        if stat(path, &st) != 0, errno == ELOOP {
            throw StoreError.ioFailure(path, detail: "it is a symbolic link that loops; point it at a project file")
        }
        if st.st_mode & S_IFMT == S_IFDIR { throw StoreError.ioFailure(path, detail: "it is a folder, not a project file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw StoreError.unwritable(path, detail: "permission denied")
            }
            throw StoreError.missing(path)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        guard header.count == 100 else {
            throw header.isEmpty ? StoreError.notSQLite(path) : StoreError.truncated(path, detail: "\(size) bytes, shorter than an SQLite header")
        }
        let bytes = [UInt8](header)
        guard Array(bytes[0..<16]) == Array("SQLite format 3\0".utf8) else { throw StoreError.notSQLite(path) }
        func be32(_ o: Int) -> UInt32 {
            UInt32(bytes[o]) << 24 | UInt32(bytes[o + 1]) << 16 | UInt32(bytes[o + 2]) << 8 | UInt32(bytes[o + 3])
        }
        let rawPageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else {
            throw StoreError.corrupt(path, detail: "invalid page size \(rawPageSize)")
        }
        guard Int32(bitPattern: be32(68)) == applicationID else { throw StoreError.foreignDatabase(path) }
        // Pages committed to the write-ahead log but not yet copied back belong to the file: after
        // a full disk the main file can be short while the WAL holds the rest. SQLite reads
        // them, and quick_check then says whether the whole is sound.
        if walHoldsFrames(path + "-wal", pageSize: pageSize) { return }
        let pageCount = Int64(be32(28))
        // The in-header size is valid when the change counter matches 'version-valid-for'.
        if be32(24) == be32(92), pageCount > 0, size < pageCount * Int64(pageSize) {
            throw StoreError.truncated(path, detail: "\(size) of \(pageCount * Int64(pageSize)) bytes present")
        }
        if size % Int64(pageSize) != 0 {
            throw StoreError.truncated(path, detail: "\(size) bytes is not a whole number of \(pageSize)-byte pages")
        }
    }

    /// Whether `walPath` is a write-ahead log for pages of `pageSize` holding at least one frame.
    static func walHoldsFrames(_ walPath: String, pageSize: Int) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: walPath) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 32), header.count == 32 else { return false }
        let b = [UInt8](header)
        let magic = UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
        let walPageSize = Int(b[8]) << 24 | Int(b[9]) << 16 | Int(b[10]) << 8 | Int(b[11])
        guard magic == 0x377F_0682 || magic == 0x377F_0683, walPageSize == pageSize else { return false }
        let size = (try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? NSNumber)?.int64Value ?? 0
        return size >= 32 + 24 + Int64(pageSize)
    }

    /// Whether this process may write the project: the file and the folder it lives in (SQLite
    /// creates the -wal and -shm files beside it).
    static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0 && folderIsWritable(path)
    }

    static func folderIsWritable(_ path: String) -> Bool {
        let folder = parentFolder(of: path)
        return access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// What to hand SQLite for a read-only open. In a read-only folder SQLite cannot create the
    /// -shm file WAL needs; when no log is pending the main file is the whole project, so it is
    /// read as immutable. A pending log there cannot be read safely, and is said so.
    static func readOnlyLocation(_ path: String) throws -> String {
        guard !folderIsWritable(path), !FileManager.default.fileExists(atPath: path + "-shm") else { return path }
        if FileManager.default.fileExists(atPath: path + "-wal") {
            throw StoreError.unwritable(path, detail: "its folder is read-only and it holds edits not yet merged from \(fileName(of: path))-wal; open it once where the folder is writable")
        }
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
    }

    /// Refuses a database that carries Kino's application_id but none of Kino's tables (it was
    /// never a project; migrating it would write into someone else's file).
    static func verifyTables(_ db: Database, path: String) throws {
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        guard tables.contains("grdb_migrations"), tables.contains("project") else {
            throw StoreError.foreignDatabase(path)
        }
    }
}

/// The -wal and -shm files beside a project, removed after a read-only open that created them:
/// left behind with the project's read-only mode they would block every later write.
struct SidecarFiles {
    let path: String
    let existed: (wal: Bool, shm: Bool)

    init(path: String) {
        self.path = path
        existed = (FileManager.default.fileExists(atPath: path + "-wal"), FileManager.default.fileExists(atPath: path + "-shm"))
    }

    func removeCreated() {
        let fm = FileManager.default
        let walSize = (try? fm.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.int64Value ?? 0
        // Only an empty log: one holding pages is part of the project.
        if !existed.wal, walSize == 0 { unlink(path + "-wal") }
        if !existed.shm, !fm.fileExists(atPath: path + "-wal") { unlink(path + "-shm") }
    }
}
