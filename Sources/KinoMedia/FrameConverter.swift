import CFFmpeg
import KinoCore

/// Quietens FFmpeg's own logging once: Kino reports failures as MediaError sentences, and the
/// CLI prints nothing else. KINO_FFMPEG_LOG=1 brings FFmpeg's messages back for debugging.
let ffmpegLogging: Void = {
    av_log_set_level(getenv("KINO_FFMPEG_LOG") == nil ? AV_LOG_QUIET : AV_LOG_INFO)
}()

/// An AVFrame allocated with its buffers, freed when the box is.
final class OwnedAVFrame: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<AVFrame>

    init(width: Int, height: Int, format: AVPixelFormat) throws {
        guard let f = av_frame_alloc() else { throw MediaError.encodingFailed("out of memory") }
        f.pointee.width = Int32(width)
        f.pointee.height = Int32(height)
        f.pointee.format = format.rawValue
        let r = av_frame_get_buffer(f, 0)
        if r < 0 {
            var p: UnsafeMutablePointer<AVFrame>? = f
            av_frame_free(&p)
            throw MediaError.encodingFailed(averrorText(r))
        }
        pointer = f
    }

    deinit {
        var p: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&p)
    }
}

/// Which swscale matrix and range to convert with.
struct ColourSpace: Hashable {
    /// SWS_CS_ITU709, SWS_CS_ITU601 (= SWS_CS_DEFAULT) or SWS_CS_BT2020.
    var matrix: Int32
    var fullRange: Bool

    static let bt709Limited = ColourSpace(matrix: SWS_CS_ITU709, fullRange: false)
    static let rgbFull = ColourSpace(matrix: SWS_CS_DEFAULT, fullRange: true)

    /// The space an AVFrame says it is in, falling back to BT.601 as FFmpeg does.
    static func of(_ frame: UnsafePointer<AVFrame>) -> ColourSpace {
        let matrix: Int32
        switch frame.pointee.colorspace {
        case AVCOL_SPC_BT709: matrix = SWS_CS_ITU709
        case AVCOL_SPC_BT2020_NCL, AVCOL_SPC_BT2020_CL: matrix = SWS_CS_BT2020
        case AVCOL_SPC_FCC: matrix = SWS_CS_FCC
        case AVCOL_SPC_SMPTE240M: matrix = SWS_CS_SMPTE240M
        default: matrix = SWS_CS_DEFAULT
        }
        let fmt = AVPixelFormat(rawValue: frame.pointee.format)
        let jpegFormats: Set<Int32> = [AV_PIX_FMT_YUVJ420P.rawValue, AV_PIX_FMT_YUVJ422P.rawValue,
                                       AV_PIX_FMT_YUVJ444P.rawValue, AV_PIX_FMT_YUVJ440P.rawValue,
                                       AV_PIX_FMT_YUVJ411P.rawValue]
        let full = frame.pointee.color_range == AVCOL_RANGE_JPEG || jpegFormats.contains(fmt.rawValue)
        return ColourSpace(matrix: matrix, fullRange: full)
    }
}

/// A swscale context for one conversion, rebuilt only when the sizes or formats change.
final class ScaleContext {
    struct Key: Hashable {
        var srcW: Int, srcH: Int, srcFormat: Int32
        var dstW: Int, dstH: Int, dstFormat: Int32
        var srcSpace: ColourSpace, dstSpace: ColourSpace
    }

    private var key: Key?
    private var context: OpaquePointer?
    let flags: Int32

    init(flags: Int32) { self.flags = flags }

    deinit { sws_freeContext(context) }

    func context(for k: Key) throws -> OpaquePointer {
        if let c = context, key == k { return c }
        sws_freeContext(context)
        context = nil
        guard let c = sws_getContext(Int32(k.srcW), Int32(k.srcH), AVPixelFormat(rawValue: k.srcFormat),
                                     Int32(k.dstW), Int32(k.dstH), AVPixelFormat(rawValue: k.dstFormat),
                                     flags, nil, nil, nil) else {
            throw MediaError.encodingFailed("cannot convert \(k.srcW)x\(k.srcH) to \(k.dstW)x\(k.dstH)")
        }
        _ = kino_sws_set_colorspace(c, k.srcSpace.matrix, k.srcSpace.fullRange ? 1 : 0,
                                    k.dstSpace.matrix, k.dstSpace.fullRange ? 1 : 0)
        context = c
        key = k
        return c
    }
}

/// Turns Frames (RGBA) into encoder pictures: scales to the encoded size when a frame differs
/// from it, pads odd sizes by repeating the last column/row, and converts the colour with the
/// matrix and range the stream is tagged with.
final class FrameToPicture: @unchecked Sendable {
    let width: Int, height: Int
    let format: AVPixelFormat
    let space: ColourSpace
    private let scaler: ScaleContext

    init(width: Int, height: Int, format: AVPixelFormat, space: ColourSpace) {
        _ = ffmpegLogging
        self.width = width; self.height = height; self.format = format; self.space = space
        // Bicubic as ffmpeg's command line uses; only chroma subsampling filters when sizes match.
        scaler = ScaleContext(flags: SWS_BICUBIC)
    }

    func picture(from frame: Frame, pts: Int64) throws -> OwnedAVFrame {
        let source = frame.width == width - 1 || frame.height == height - 1 ? padded(frame) : frame
        let out = try OwnedAVFrame(width: width, height: height, format: format)
        let key = ScaleContext.Key(srcW: source.width, srcH: source.height, srcFormat: AV_PIX_FMT_RGBA.rawValue,
                                   dstW: width, dstH: height, dstFormat: format.rawValue,
                                   srcSpace: .rgbFull, dstSpace: space)
        let ctx = try scaler.context(for: key)
        let r = source.pixels.withUnsafeBufferPointer { px in
            kino_sws_packed_to_frame(ctx, px.baseAddress, Int32(source.width * 4), Int32(source.height), out.pointer)
        }
        guard r > 0 else { throw MediaError.encodingFailed("colour conversion failed") }
        out.pointer.pointee.pts = pts
        return out
    }

    /// The frame grown by one column and/or row to the encoded size, edge pixels repeated.
    private func padded(_ frame: Frame) -> Frame {
        let w = max(frame.width, width), h = max(frame.height, height)
        guard w <= frame.width + 1, h <= frame.height + 1 else { return frame }
        var out = [UInt8](repeating: 255, count: w * h * 4)
        frame.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let sy = min(y, frame.height - 1)
                    let srow = sy * frame.width * 4, drow = y * w * 4
                    for i in 0..<(frame.width * 4) { dst[drow + i] = src[srow + i] }
                    if w > frame.width {
                        for c in 0..<4 { dst[drow + frame.width * 4 + c] = src[srow + (frame.width - 1) * 4 + c] }
                    }
                }
            }
        }
        return Frame(width: w, height: h, pixels: out)
    }
}

/// Turns decoded pictures (any pixel format) into RGBA Frames at a chosen size, reading the
/// picture's own colour matrix and range tags.
final class PictureToFrame {
    private let scaler = ScaleContext(flags: SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT)

    init() { _ = ffmpegLogging }

    func frame(from picture: UnsafePointer<AVFrame>, width: Int? = nil, height: Int? = nil) throws -> Frame {
        let sw = Int(picture.pointee.width), sh = Int(picture.pointee.height)
        let dw = width ?? sw, dh = height ?? sh
        guard sw > 0, sh > 0, dw > 0, dh > 0 else { throw MediaError.encodingFailed("empty picture") }
        let key = ScaleContext.Key(srcW: sw, srcH: sh, srcFormat: picture.pointee.format,
                                   dstW: dw, dstH: dh, dstFormat: AV_PIX_FMT_RGBA.rawValue,
                                   srcSpace: ColourSpace.of(picture), dstSpace: .rgbFull)
        let ctx = try scaler.context(for: key)
        var pixels = [UInt8](repeating: 255, count: dw * dh * 4)
        let r = pixels.withUnsafeMutableBufferPointer { px in
            kino_sws_frame_to_packed(ctx, picture, px.baseAddress, Int32(dw * 4))
        }
        guard r > 0 else { throw MediaError.encodingFailed("colour conversion failed") }
        return Frame(width: dw, height: dh, pixels: pixels)
    }
}
