import CFFmpeg
import Foundation
import KinoCore

/// How an export's sound is encoded: the codec goes with the picture's container.
public enum SoundCodec: String, CaseIterable, Sendable {
    /// AAC-LC 48 kHz stereo, FFmpeg's native encoder, 192 kb/s (MP4).
    case aac
    /// PCM 24-bit little-endian (MOV, WAV).
    case pcm24
    /// FLAC, 24-bit (MKV, stem files).
    case flac

    /// The sound that goes with a picture codec; nil for the PNG sequence (a WAV goes beside it).
    public static func accompanying(_ video: ExportCodec) -> SoundCodec? {
        switch video {
        case .h264: return .aac
        case .prores: return .pcm24
        case .ffv1: return .flac
        case .png: return nil
        }
    }

    var encoderName: String {
        switch self {
        case .aac: return "aac"
        case .pcm24: return "pcm_s24le"
        case .flac: return "flac"
        }
    }
}

/// One audio stream in a muxer: encodes a 48 kHz stereo buffer in order, a piece at a time,
/// so its packets interleave with the picture's. Timestamps count samples (time base
/// 1/48000) from 0, so the sound starts with the first frame; AAC's priming is marked as
/// the encoder's initial padding, which MP4 records in its edit list.
final class SoundTrack {
    private let fmt: UnsafeMutablePointer<AVFormatContext>
    private let stream: UnsafeMutablePointer<AVStream>
    private var encoder: UnsafeMutablePointer<AVCodecContext>?
    private var frame: UnsafeMutablePointer<AVFrame>?
    private var packet: UnsafeMutablePointer<AVPacket>?
    private let codec: SoundCodec
    private let sound: StereoBuffer
    private let reportedPath: String
    /// Samples handed to the encoder so far.
    private(set) var samplesSent = 0
    private let chunk: Int

    /// Adds the stream to `fmt` (before its header is written) and opens the encoder.
    init(muxer fmt: UnsafeMutablePointer<AVFormatContext>, codec: SoundCodec, sound: StereoBuffer, reportingAs path: String) throws {
        self.fmt = fmt; self.codec = codec; self.sound = sound; self.reportedPath = path
        guard let enc = avcodec_find_encoder_by_name(codec.encoderName) else { throw MediaError.codecUnavailable(codec.encoderName) }
        guard let stream = avformat_new_stream(fmt, nil), let ctx = avcodec_alloc_context3(enc) else {
            throw MediaError.encodingFailed("out of memory")
        }
        self.stream = stream
        encoder = ctx
        ctx.pointee.sample_rate = Int32(AudioClock.sampleRate)
        av_channel_layout_default(&ctx.pointee.ch_layout, 2)
        ctx.pointee.time_base = AVRational(num: 1, den: Int32(AudioClock.sampleRate))
        switch codec {
        case .aac:
            ctx.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
            ctx.pointee.bit_rate = 192_000
        case .pcm24, .flac:
            ctx.pointee.sample_fmt = AV_SAMPLE_FMT_S32
            ctx.pointee.bits_per_raw_sample = 24
        }
        if fmt.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0 { ctx.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        let opened = avcodec_open2(ctx, enc, nil)
        guard opened >= 0 else { throw MediaError.invalidSettings("\(codec.encoderName) refused 48 kHz stereo (\(averrorText(opened)))") }
        avcodec_parameters_from_context(stream.pointee.codecpar, ctx)
        stream.pointee.time_base = ctx.pointee.time_base
        chunk = ctx.pointee.frame_size > 0 ? Int(ctx.pointee.frame_size) : 1024
        frame = av_frame_alloc()
        packet = av_packet_alloc()
        guard frame != nil, packet != nil else { throw MediaError.encodingFailed("out of memory") }
    }

    deinit {
        avcodec_free_context(&encoder)
        av_frame_free(&frame)
        av_packet_free(&packet)
    }

    /// Encodes whole encoder frames of the sound up to sample `end` (the rest waits for more).
    func write(through end: Int) throws {
        let limit = min(end, sound.count)
        while samplesSent + chunk <= limit { try send(count: chunk) }
    }

    /// Encodes what is left (a last, shorter frame) and flushes the encoder.
    func finish() throws {
        try write(through: sound.count)
        if samplesSent < sound.count { try send(count: sound.count - samplesSent) }
        let r = avcodec_send_frame(encoder, nil)
        guard r >= 0 else { throw MediaError.encodingFailed(averrorText(r)) }
        try drain()
    }

    private func send(count: Int) throws {
        guard let encoder, let frame else { return }
        av_frame_unref(frame)
        frame.pointee.nb_samples = Int32(count)
        frame.pointee.format = encoder.pointee.sample_fmt.rawValue
        frame.pointee.sample_rate = encoder.pointee.sample_rate
        av_channel_layout_copy(&frame.pointee.ch_layout, &encoder.pointee.ch_layout)
        let got = av_frame_get_buffer(frame, 0)
        guard got >= 0 else { throw MediaError.encodingFailed("out of memory") }
        let from = samplesSent
        switch codec {
        case .aac:
            let l = UnsafeMutableRawPointer(kino_frame_data(frame, 0)!).assumingMemoryBound(to: Float.self)
            let r = UnsafeMutableRawPointer(kino_frame_data(frame, 1)!).assumingMemoryBound(to: Float.self)
            sound.left.withUnsafeBufferPointer { src in for i in 0..<count { l[i] = src[from + i] } }
            sound.right.withUnsafeBufferPointer { src in for i in 0..<count { r[i] = src[from + i] } }
        case .pcm24, .flac:
            let out = UnsafeMutableRawPointer(kino_frame_data(frame, 0)!).assumingMemoryBound(to: Int32.self)
            for i in 0..<count {
                out[2 * i] = SoundTrack.pcm24(sound.left[from + i]) << 8
                out[2 * i + 1] = SoundTrack.pcm24(sound.right[from + i]) << 8
            }
        }
        frame.pointee.pts = Int64(from)
        let r = avcodec_send_frame(encoder, frame)
        guard r >= 0 else { throw MediaError.encodingFailed(averrorText(r)) }
        samplesSent += count
        try drain()
    }

    /// A float sample as a 24-bit integer, clipped at full scale.
    @inline(__always)
    static func pcm24(_ x: Float) -> Int32 {
        Int32((max(-1, min(1, x)) * 8_388_607).rounded())
    }

    private func drain() throws {
        guard let encoder, let packet else { return }
        try receivePackets(encoder, packet) { try writePacket(packet, from: encoder, to: fmt, stream: stream, reportingAs: reportedPath) }
    }
}

/// The sound-file formats: WAV (PCM 24-bit) and FLAC.
public enum SoundFileFormat: String, CaseIterable, Sendable {
    case wav, flac

    /// The format a file name implies (.wav, .flac); nil for anything else.
    public static func implied(byDestination path: String) -> SoundFileFormat? {
        SoundFileFormat(rawValue: (path as NSString).pathExtension.lowercased())
    }
}

/// Writes `sound` as a WAV or FLAC file straight to `path` (the caller handles temporaries).
func writeSoundFile(_ sound: StereoBuffer, to path: String, format: SoundFileFormat, reportingAs reported: String) throws {
    _ = ffmpegLogging
    var fmt: UnsafeMutablePointer<AVFormatContext>?
    guard avformat_alloc_output_context2(&fmt, nil, format.rawValue, path) >= 0, let fmt else {
        throw MediaError.codecUnavailable(format.rawValue)
    }
    var ioOpen = false
    defer {
        if ioOpen { avio_closep(&fmt.pointee.pb) }
        avformat_free_context(fmt)
    }
    let track = try SoundTrack(muxer: fmt, codec: format == .wav ? .pcm24 : .flac, sound: sound, reportingAs: reported)
    let r = avio_open(&fmt.pointee.pb, path, AVIO_FLAG_WRITE)
    guard r >= 0 else { throw writeError(averror: r, path: reported) }
    ioOpen = true
    let h = avformat_write_header(fmt, nil)
    guard h >= 0 else { throw writeError(averror: h, path: reported) }
    try track.finish()
    let t = av_write_trailer(fmt)
    guard t >= 0 else { throw writeError(averror: t, path: reported) }
    let c = avio_closep(&fmt.pointee.pb)
    ioOpen = false
    guard c >= 0 else { throw writeError(averror: c, path: reported) }
}

/// Writes `sound` to `destination` as WAV or FLAC (by its extension unless `format` says),
/// through a temporary renamed into place when complete.
public func exportSound(_ sound: StereoBuffer, to destination: String, format: SoundFileFormat? = nil) throws -> Int64 {
    guard let f = format ?? SoundFileFormat.implied(byDestination: destination) else {
        throw MediaError.invalidSettings("a sound file must end in .wav or .flac, not '\((destination as NSString).lastPathComponent)'")
    }
    guard !sound.isEmpty else { throw MediaError.invalidSettings("there is no sound to export") }
    signal(SIGXFSZ, SIG_IGN)
    let temporary = try TemporaryDestination(destination: destination, isFolder: false)
    do {
        try writeSoundFile(sound, to: temporary.path, format: f, reportingAs: temporary.destination)
        try temporary.commit()
    } catch {
        temporary.discard()
        throw error
    }
    return Int64((try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int) ?? 0)
}
