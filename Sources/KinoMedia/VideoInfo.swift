import CFFmpeg
import Foundation
import KinoCore

/// What a video file holds, as its container and first video stream describe it.
public struct VideoInfo: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public var frameRate: Rational
    /// Frames in the stream: the container's count, or packets counted when it has none (MKV).
    public var frameCount: Int
    /// Seconds, from the stream's duration (or the container's when the stream has none).
    public var duration: Double
    /// FFmpeg's codec name: "h264", "prores", "ffv1", "png" …
    public var codecName: String
    /// FFmpeg's pixel format name: "yuv420p", "yuv422p10le", "bgr0" …
    public var pixelFormat: String
}

/// Reads a video file's size, rate, frame count, duration, codec and pixel format.
public func probeVideo(at path: String) throws -> VideoInfo {
    try MediaInput(path: path).info
}

extension MediaInput {
    var info: VideoInfo {
        let par = stream.pointee.codecpar.pointee
        let rate = frameRate
        let tb = stream.pointee.time_base
        var duration = -1.0
        if stream.pointee.duration != kino_av_nopts_value() && stream.pointee.duration > 0 {
            duration = Double(stream.pointee.duration) * Double(tb.num) / Double(tb.den)
        } else if format.pointee.duration != kino_av_nopts_value() && format.pointee.duration > 0 {
            duration = Double(format.pointee.duration) / Double(AV_TIME_BASE)
        }
        var count = Int(stream.pointee.nb_frames)
        if count <= 0 { count = countPackets() }
        if duration < 0 { duration = Double(count) * Double(rate.den) / Double(rate.num) }
        let pixName = av_get_pix_fmt_name(AVPixelFormat(rawValue: par.format)).map { String(cString: $0) } ?? "unknown"
        return VideoInfo(width: Int(par.width), height: Int(par.height),
                         frameRate: Rational(Int64(rate.num), Int64(rate.den)),
                         frameCount: count, duration: duration,
                         codecName: String(cString: avcodec_get_name(par.codec_id)),
                         pixelFormat: pixName)
    }
}
