import CFFmpeg
import Foundation
import KinoCore

/// Reads frames of a video clip by index, as RGBA frames at the source size or a chosen one.
/// Reading forward decodes sequentially; a jump backwards or far ahead seeks to the keyframe
/// before the target and decodes from there. Calls are serialised by a lock, so a decoder can
/// be shared between threads (each call waits for the one before).
public final class VideoDecoder: @unchecked Sendable {
    private let lock = NSLock()
    public let info: VideoInfo
    private let input: MediaInput
    private var codec: UnsafeMutablePointer<AVCodecContext>?
    private var packet: UnsafeMutablePointer<AVPacket>?
    private var picture: UnsafeMutablePointer<AVFrame>?
    /// The last decoded picture (receiving into `picture` clears it, even at the end).
    private var held: UnsafeMutablePointer<AVFrame>?
    private let converter = PictureToFrame()
    private var inputEnded = false
    private var decoderEnded = false
    /// Index of the picture now in `held`, if any.
    private var heldIndex: Int?
    /// How far ahead sequential decoding beats a seek.
    private let seekThreshold = 48

    public init(path: String) throws {
        input = try MediaInput(path: path)
        info = input.info
        let par = input.stream.pointee.codecpar!
        guard let decoder = avcodec_find_decoder(par.pointee.codec_id) else {
            throw MediaError.codecUnavailable(String(cString: avcodec_get_name(par.pointee.codec_id)))
        }
        codec = avcodec_alloc_context3(decoder)
        packet = av_packet_alloc()
        picture = av_frame_alloc()
        held = av_frame_alloc()
        guard let codec, packet != nil, picture != nil, held != nil else { throw MediaError.encodingFailed("out of memory") }
        avcodec_parameters_to_context(codec, par)
        codec.pointee.thread_count = 0
        codec.pointee.pkt_timebase = input.stream.pointee.time_base
        let r = avcodec_open2(codec, decoder, nil)
        guard r >= 0 else { throw MediaError.unreadableVideo(path: path, reason: averrorText(r)) }
    }

    deinit {
        avcodec_free_context(&codec)
        av_packet_free(&packet)
        av_frame_free(&picture)
        av_frame_free(&held)
    }

    /// Frame `index` (0-based) of the clip, scaled to `width`×`height` when given.
    public func frame(at index: Int, width: Int? = nil, height: Int? = nil) throws -> Frame {
        try lock.withLock { try decodeFrame(at: index, width: width, height: height) }
    }

    private func decodeFrame(at index: Int, width: Int?, height: Int?) throws -> Frame {
        guard index >= 0, index < info.frameCount else {
            throw MediaError.frameOutOfRange(index: index, count: info.frameCount)
        }
        if let held = heldIndex, held == index { return try convert(width, height) }
        if heldIndex == nil || index < heldIndex! || index > heldIndex! + seekThreshold {
            try seek(to: index)
        }
        while let decoded = try decodeNext() {
            if decoded >= index { return try convert(width, height) }
        }
        throw MediaError.frameOutOfRange(index: index, count: info.frameCount)
    }

    /// The index of the frame showing at `seconds` from the clip's start (clamped to the clip),
    /// for placing footage of one rate on a timeline of another.
    public func frameIndex(atSeconds seconds: Double) -> Int {
        let rate = info.frameRate
        let index = Int((seconds * Double(rate.numerator) / Double(rate.denominator) + 1e-6).rounded(.down))
        return min(max(0, index), max(0, info.frameCount - 1))
    }

    /// The clip's last frame, found by seeking near the end and decoding to the end.
    public func lastFrame(width: Int? = nil, height: Int? = nil) throws -> Frame {
        try lock.withLock { try decodeLastFrame(width: width, height: height) }
    }

    private func decodeLastFrame(width: Int?, height: Int?) throws -> Frame {
        for start in [max(0, info.frameCount - 1), 0] {
            try seek(to: start)
            var sawAny = false
            while try decodeNext() != nil { sawAny = true }
            if sawAny { return try convert(width, height) }
        }
        throw MediaError.unreadableVideo(path: input.path, reason: "no frame could be decoded")
    }

    private func convert(_ width: Int?, _ height: Int?) throws -> Frame {
        try converter.frame(from: held!, width: width, height: height)
    }

    private func seek(to index: Int) throws {
        let rate = input.frameRate
        let frameTB = AVRational(num: rate.den, den: rate.num)
        let target = input.startPTS + av_rescale_q(Int64(index), frameTB, input.stream.pointee.time_base)
        var r = av_seek_frame(input.format, input.stream.pointee.index, target, AVSEEK_FLAG_BACKWARD)
        if r < 0 { r = av_seek_frame(input.format, input.stream.pointee.index, input.startPTS, AVSEEK_FLAG_BACKWARD) }
        guard r >= 0 else { throw MediaError.unreadableVideo(path: input.path, reason: "cannot seek") }
        avcodec_flush_buffers(codec)
        inputEnded = false
        decoderEnded = false
        heldIndex = nil
    }

    /// Decodes the next picture into `held` and returns its frame index; nil at the end.
    private func decodeNext() throws -> Int? {
        guard let codec, let packet, let picture else { return nil }
        while !decoderEnded {
            let r = avcodec_receive_frame(codec, picture)
            if r >= 0 {
                let index = frameIndex(of: picture)
                av_frame_unref(held)
                av_frame_move_ref(held, picture)
                heldIndex = index
                return index
            }
            if r == kino_averror_eof() { decoderEnded = true; break }
            guard r == kino_averror(EAGAIN) else {
                throw MediaError.unreadableVideo(path: input.path, reason: averrorText(r))
            }
            if inputEnded { decoderEnded = true; break }
            let read = av_read_frame(input.format, packet)
            if read < 0 {
                inputEnded = true
                _ = avcodec_send_packet(codec, nil)
                continue
            }
            defer { av_packet_unref(packet) }
            guard packet.pointee.stream_index == input.stream.pointee.index else { continue }
            let sent = avcodec_send_packet(codec, packet)
            if sent < 0 && sent != kino_averror(EAGAIN) {
                throw MediaError.unreadableVideo(path: input.path, reason: averrorText(sent))
            }
        }
        return nil
    }

    private func frameIndex(of picture: UnsafeMutablePointer<AVFrame>) -> Int {
        var pts = picture.pointee.best_effort_timestamp
        if pts == kino_av_nopts_value() { pts = picture.pointee.pts }
        if pts == kino_av_nopts_value() { return (heldIndex ?? -1) + 1 }
        let rate = input.frameRate
        let tb = input.stream.pointee.time_base
        // index = (pts - start) * tb * rate, rounded to the nearest frame.
        let num = Double(pts - input.startPTS) * Double(tb.num) * Double(rate.num)
        let den = Double(tb.den) * Double(rate.den)
        return Int((num / den).rounded())
    }
}

/// The last frame of a video clip (for extending footage from where it ends).
public func decodeLastFrame(of path: String, width: Int? = nil, height: Int? = nil) throws -> Frame {
    try VideoDecoder(path: path).lastFrame(width: width, height: height)
}
