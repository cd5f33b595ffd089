import Foundation

/// Reads a file's SQLite header without opening it as a database, so that a foreign,
/// truncated or non-SQLite file is refused before SQLite could touch it.
enum FileCheck {
    /// 'KINO' as a big-endian 32-bit number, stored in the SQLite header's application_id.
    static let applicationID: Int32 = 0x4B49_4E4F

    static func verify(path: String) throws {
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
        let pageCount = Int64(be32(28))
        // The in-header size is valid when the change counter matches 'version-valid-for'.
        if be32(24) == be32(92), pageCount > 0, size < pageCount * Int64(pageSize) {
            throw StoreError.truncated(path, detail: "\(size) of \(pageCount * Int64(pageSize)) bytes present")
        }
        if size % Int64(pageSize) != 0 {
            throw StoreError.truncated(path, detail: "\(size) bytes is not a whole number of \(pageSize)-byte pages")
        }
    }
}
