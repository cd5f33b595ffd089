import Foundation

/// A zip archive of stored (uncompressed) entries, as an .otioz bundle holds: reproducible
/// (every entry dated 1980-01-01 00:00), no ZIP64 (each entry and the whole under 4 GiB).
public struct ZipArchive: Sendable {
    public struct Entry: Sendable { public var name: String; public var data: Data }
    public var entries: [Entry] = []
    public init() {}

    public mutating func add(_ name: String, _ data: Data) { entries.append(Entry(name: name, data: data)) }

    /// The archive's bytes.
    public func bytes() throws -> Data {
        var out = Data()
        var central = Data()
        for e in entries {
            let name = Data(e.name.utf8)
            guard e.data.count < 0xFFFF_FFFF, out.count < 0xFFFF_FFFF else {
                throw InterchangeError.notABundle(file: e.name, reason: "larger than 4 GiB, which needs ZIP64")
            }
            let crc = crc32(e.data)
            let offset = UInt32(out.count)
            // Local header: version 2.0, flags 0x0800 (UTF-8 names), stored, DOS time 0, date 1980-01-01.
            out.le32(0x0403_4b50); out.le16(20); out.le16(0x0800); out.le16(0); out.le16(0); out.le16(0x21)
            out.le32(crc); out.le32(UInt32(e.data.count)); out.le32(UInt32(e.data.count))
            out.le16(UInt16(name.count)); out.le16(0)
            out.append(name); out.append(e.data)
            central.le32(0x0201_4b50); central.le16(0x031E); central.le16(20); central.le16(0x0800); central.le16(0)
            central.le16(0); central.le16(0x21); central.le32(crc); central.le32(UInt32(e.data.count)); central.le32(UInt32(e.data.count))
            central.le16(UInt16(name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(0o100644 << 16); central.le32(offset)
            central.append(name)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.le32(0x0605_4b50); out.le16(0); out.le16(0); out.le16(UInt16(entries.count)); out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count)); out.le32(centralOffset); out.le16(0)
        return out
    }

    /// Reads the stored entries of an archive (compressed entries are refused by name).
    public static func read(_ data: Data, file: String) throws -> ZipArchive {
        let b = [UInt8](data)
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard b.count >= 22 else { throw InterchangeError.notABundle(file: file, reason: "too short to be a zip") }
        var end = b.count - 22
        while end >= 0 && u32(end) != 0x0605_4b50 { end -= 1 }
        guard end >= 0 else { throw InterchangeError.notABundle(file: file, reason: "no zip directory") }
        let count = u16(end + 10)
        var at = u32(end + 16)
        var archive = ZipArchive()
        for _ in 0..<count {
            guard at + 46 <= b.count, u32(at) == 0x0201_4b50 else { throw InterchangeError.notABundle(file: file, reason: "a damaged zip directory") }
            let method = u16(at + 10), size = u32(at + 20), nameLength = u16(at + 28)
            let extra = u16(at + 30), comment = u16(at + 32), local = u32(at + 42)
            guard at + 46 + nameLength <= b.count else { throw InterchangeError.notABundle(file: file, reason: "a damaged zip directory") }
            let name = String(decoding: b[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard local + 30 <= b.count, u32(local) == 0x0403_4b50 else { throw InterchangeError.notABundle(file: file, reason: "a damaged entry \(name)") }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            guard start + size <= b.count else { throw InterchangeError.notABundle(file: file, reason: "a truncated entry \(name)") }
            if method == 0 {
                archive.add(name, Data(b[start..<(start + size)]))
            } else if name == "content.otio" {
                throw InterchangeError.notABundle(file: file, reason: "content.otio is compressed; unzip the bundle and import content.otio")
            }
            at += 46 + nameLength + extra + comment
        }
        return archive
    }
}

private let crcTable: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
}

/// CRC-32 (IEEE), as zip stores it.
func crc32(_ data: Data) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    data.withUnsafeBytes { raw in
        for byte in raw { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
    }
    return c ^ 0xFFFF_FFFF
}

extension Data {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { le16(UInt16(v & 0xFFFF)); le16(UInt16(v >> 16)) }
}
