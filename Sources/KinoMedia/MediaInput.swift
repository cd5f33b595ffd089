import CFFmpeg
import Foundation

/// An opened media file and its first real video stream (cover art does not count).
final class MediaInput {
    let path: String
    let format: UnsafeMutablePointer<AVFormatContext>
    let stream: UnsafeMutablePointer<AVStream>

    init(path: String) throws {
        _ = ffmpegLogging
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw MediaError.fileNotFound(path) }
        var ctx: UnsafeMutablePointer<AVFormatContext>?
        let opened = avformat_open_input(&ctx, path, nil, nil)
        guard opened >= 0, let ctx else {
            throw opened == kino_averror(ENOENT) ? MediaError.fileNotFound(path)
                : MediaError.unreadableVideo(path: path, reason: averrorText(opened))
        }
        var owned: UnsafeMutablePointer<AVFormatContext>? = ctx
        let info = avformat_find_stream_info(ctx, nil)
        guard info >= 0 else {
            avformat_close_input(&owned)
            throw MediaError.unreadableVideo(path: path, reason: averrorText(info))
        }
        var found: UnsafeMutablePointer<AVStream>?
        for i in 0..<Int(ctx.pointee.nb_streams) {
            guard let s = ctx.pointee.streams[i] else { continue }
            if s.pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_VIDEO,
               s.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC == 0 {
                found = s
                break
            }
        }
        guard let found else {
            avformat_close_input(&owned)
            throw MediaError.noVideoStream(path)
        }
        for i in 0..<Int(ctx.pointee.nb_streams) where ctx.pointee.streams[i] != found {
            ctx.pointee.streams[i]?.pointee.discard = AVDISCARD_ALL
        }
        format = ctx
        stream = found
    }

    deinit {
        var owned: UnsafeMutablePointer<AVFormatContext>? = format
        avformat_close_input(&owned)
    }

    /// The stream's frame rate: the average, else the container's base rate, else 24.
    var frameRate: AVRational {
        let avg = stream.pointee.avg_frame_rate
        if avg.num > 0 && avg.den > 0 { return avg }
        let r = stream.pointee.r_frame_rate
        if r.num > 0 && r.den > 0 { return r }
        return AVRational(num: 24, den: 1)
    }

    /// Counts the stream's packets (one per frame for video) by reading, not decoding, the file.
    func countPackets() -> Int {
        var owned = av_packet_alloc()
        defer { av_packet_free(&owned) }
        guard let packet = owned else { return 0 }
        var n = 0
        while av_read_frame(format, packet) >= 0 {
            if packet.pointee.stream_index == stream.pointee.index { n += 1 }
            av_packet_unref(packet)
        }
        _ = av_seek_frame(format, stream.pointee.index, startPTS, AVSEEK_FLAG_BACKWARD)
        return n
    }

    /// The timestamp of the first frame, in the stream's time base.
    var startPTS: Int64 {
        let s = stream.pointee.start_time
        return s == kino_av_nopts_value() ? 0 : s
    }
}
