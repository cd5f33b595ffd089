import CFFmpeg
import Foundation
import KinoCore

/// The still-image formats Kino reads, recognised by their first bytes (never by extension).
enum ImageKind {
    case png, jpeg, webp

    init?(sniffing bytes: UnsafeRawBufferPointer) {
        let b = Array(bytes.prefix(12))
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png }
        else if b.starts(with: [0xFF, 0xD8, 0xFF]) { self = .jpeg }
        else if b.count == 12, b[0..<4].elementsEqual("RIFF".utf8), b[8..<12].elementsEqual("WEBP".utf8) { self = .webp }
        else { return nil }
    }

    var codecID: AVCodecID {
        switch self {
        case .png: return AV_CODEC_ID_PNG
        case .jpeg: return AV_CODEC_ID_MJPEG
        case .webp: return AV_CODEC_ID_WEBP
        }
    }
}

/// The most pixels Kino decodes from one picture: larger ones are refused before decoding,
/// so a small file claiming 20000x20000 cannot take gigabytes.
public let maxImagePixels = 100_000_000

/// Decodes a PNG, JPEG or WebP file into an RGBA frame (format recognised from its content).
/// EXIF orientation is not applied; colour profiles are ignored (pixels are taken as sRGB).
/// With `maxSide`, a larger picture is scaled down in the same pass that converts it, so only
/// the decoder's own copy is ever full size.
public func decodeImage(at path: String, maxSide: Int? = nil) throws -> Frame {
    guard FileManager.default.fileExists(atPath: path) else { throw MediaError.fileNotFound(path) }
    guard let data = FileManager.default.contents(atPath: path) else { throw MediaError.notAnImage(path) }
    return try data.withUnsafeBytes { bytes in
        guard let kind = ImageKind(sniffing: bytes) else { throw MediaError.notAnImage(path) }
        return try decodeStill(bytes, kind: kind, name: path, maxSide: maxSide)
    }
}

/// A PNG's size from its IHDR chunk (the first one, by the format's rule).
func pngSize(_ bytes: UnsafeRawBufferPointer) -> (width: Int, height: Int)? {
    guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
    func be32(_ o: Int) -> Int { Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3]) }
    return (be32(16), be32(20))
}

/// Decodes PNG bytes (as `encodePNGData` makes them) into an RGBA frame.
public func decodePNG(data: Data) throws -> Frame {
    try data.withUnsafeBytes { bytes in
        guard ImageKind(sniffing: bytes) == .png else { throw MediaError.notAnImage("the PNG data") }
        return try decodeStill(bytes, kind: .png, name: "the PNG data")
    }
}

/// Encodes a frame as PNG bytes: RGB when every pixel is opaque, RGBA otherwise, so decoding
/// gives back the same frame bit for bit. Level 1 (the default) favours speed, as the frame
/// cache wants; 4 and above add Paeth prediction, and 9 gives the smallest files.
public func encodePNGData(_ frame: Frame, compressionLevel: Int = 1) throws -> Data {
    _ = ffmpegLogging
    guard let codec = avcodec_find_encoder(AV_CODEC_ID_PNG) else { throw MediaError.codecUnavailable("png") }
    var ctx = avcodec_alloc_context3(codec)
    defer { avcodec_free_context(&ctx) }
    guard let ctx else { throw MediaError.encodingFailed("out of memory") }
    let opaque = frame.pixels.withUnsafeBufferPointer { px -> Bool in
        var i = 3
        while i < px.count { if px[i] != 255 { return false }; i += 4 }
        return true
    }
    let format = opaque ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_RGBA
    ctx.pointee.width = Int32(frame.width)
    ctx.pointee.height = Int32(frame.height)
    ctx.pointee.pix_fmt = format
    ctx.pointee.time_base = AVRational(num: 1, den: 25)
    ctx.pointee.compression_level = Int32(max(0, min(9, compressionLevel)))
    var options: OpaquePointer?
    defer { av_dict_free(&options) }
    // Paeth prediction shrinks smooth pictures a lot but costs time: only when size matters.
    if compressionLevel >= 4 { av_dict_set(&options, "pred", "paeth", 0) }
    let opened = avcodec_open2(ctx, codec, &options)
    guard opened >= 0 else { throw MediaError.encodingFailed(averrorText(opened)) }

    let picture = try OwnedAVFrame(width: frame.width, height: frame.height, format: format)
    let stride = Int(kino_frame_linesize(picture.pointer, 0))
    let base = kino_frame_data(picture.pointer, 0)!
    frame.pixels.withUnsafeBufferPointer { px in
        let src = px.baseAddress!
        for y in 0..<frame.height {
            let row = base + y * stride, s = src + y * frame.width * 4
            if opaque {
                for x in 0..<frame.width {
                    row[x * 3] = s[x * 4]; row[x * 3 + 1] = s[x * 4 + 1]; row[x * 3 + 2] = s[x * 4 + 2]
                }
            } else {
                row.update(from: s, count: frame.width * 4)
            }
        }
    }
    picture.pointer.pointee.pts = 0
    var packet = av_packet_alloc()
    defer { av_packet_free(&packet) }
    guard avcodec_send_frame(ctx, picture.pointer) >= 0, avcodec_send_frame(ctx, nil) >= 0,
          avcodec_receive_packet(ctx, packet) >= 0, let packet else {
        throw MediaError.encodingFailed("the PNG encoder refused a \(frame.width)x\(frame.height) frame")
    }
    return Data(bytes: packet.pointee.data, count: Int(packet.pointee.size))
}

/// Writes a frame as a PNG file (atomically: a temporary beside it, then renamed).
public func encodePNG(_ frame: Frame, to path: String, compressionLevel: Int = 6) throws {
    let data = try encodePNGData(frame, compressionLevel: compressionLevel)
    let folder = parentFolder(of: path)
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDir),
          isDir.boolValue else { throw MediaError.folderMissing(folder) }
    let temporary = (folder.isEmpty ? "." : folder) + "/.\(fileName(of: path)).partial-\(getpid())-"
        + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    signal(SIGXFSZ, SIG_IGN)
    do {
        try data.withUnsafeBytes { try writeFile($0, to: temporary, reportingAs: path) }
        guard rename(temporary, path) == 0 else { throw writeError(errno: errno, path: path) }
    } catch {
        unlink(temporary)
        throw error
    }
}

/// Decodes one still picture held whole in memory.
func decodeStill(_ bytes: UnsafeRawBufferPointer, kind: ImageKind, name: String, maxSide: Int? = nil) throws -> Frame {
    _ = ffmpegLogging
    if kind == .png, let (w, h) = pngSize(bytes), w > 0, h > 0, w.multipliedReportingOverflow(by: h).partialValue > maxImagePixels || w > 1 << 20 || h > 1 << 20 {
        throw MediaError.imageTooLarge(name, size: "\(w)x\(h)")
    }
    guard let codec = avcodec_find_decoder(kind.codecID) else {
        throw MediaError.codecUnavailable(String(cString: avcodec_get_name(kind.codecID)))
    }
    var ctx = avcodec_alloc_context3(codec)
    defer { avcodec_free_context(&ctx) }
    var packet = av_packet_alloc()
    defer { av_packet_free(&packet) }
    var picture = av_frame_alloc()
    defer { av_frame_free(&picture) }
    guard let ctx, let packet, let picture else { throw MediaError.encodingFailed("out of memory") }
    ctx.pointee.thread_count = 1
    // The decoder itself refuses a larger picture before allocating it (JPEG, WebP).
    ctx.pointee.max_pixels = Int64(maxImagePixels)
    guard avcodec_open2(ctx, codec, nil) >= 0 else { throw MediaError.corruptImage(name) }
    guard av_new_packet(packet, Int32(bytes.count)) >= 0 else { throw MediaError.corruptImage(name) }
    packet.pointee.data.update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    packet.pointee.flags |= AV_PKT_FLAG_KEY
    guard avcodec_send_packet(ctx, packet) >= 0 else {
        if Int(ctx.pointee.width) * Int(ctx.pointee.height) > maxImagePixels {
            throw MediaError.imageTooLarge(name, size: "\(ctx.pointee.width)x\(ctx.pointee.height)")
        }
        throw MediaError.corruptImage(name)
    }
    _ = avcodec_send_packet(ctx, nil)
    guard avcodec_receive_frame(ctx, picture) >= 0, picture.pointee.width > 0,
          picture.pointee.decode_error_flags == 0, picture.pointee.flags & AV_FRAME_FLAG_CORRUPT == 0 else {
        throw MediaError.corruptImage(name)
    }
    let w = Int(picture.pointee.width), h = Int(picture.pointee.height)
    if let maxSide, max(w, h) > maxSide {
        let scale = Double(maxSide) / Double(max(w, h))
        return try PictureToFrame().frame(from: picture, width: max(1, Int((Double(w) * scale).rounded())),
                                          height: max(1, Int((Double(h) * scale).rounded())))
    }
    return try PictureToFrame().frame(from: picture)
}
