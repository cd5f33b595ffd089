import CFFmpeg
import Foundation
import KinoCore

/// What a sound file holds, read from its header before anything is decoded.
public struct AudioFileInfo: Hashable, Sendable {
    public var codec: String
    public var sampleRate: Int
    public var channels: Int
    /// From the container; nil when it does not say.
    public var durationSeconds: Double?
}

/// Why a sound file cannot be used; one sentence each. FFmpeg's codes end here.
public enum AudioDecodeError: LocalizedError, Equatable, Sendable {
    case fileNotFound(String)
    case emptyFile(String)
    case notSound(path: String, reason: String)
    case noAudioStream(String)
    case tooLong(path: String, seconds: Int, limit: Int)
    case truncated(path: String, decoded: Double, expected: Double)
    case damaged(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .fileNotFound(let p): return "\(p) does not exist; check the path."
        case .emptyFile(let p): return "\(p) is empty (0 bytes); choose a sound file."
        case .notSound(let p, let r): return "\(p) is not a sound file Kino can read (\(r)); use WAV, FLAC, MP3, AAC/M4A, Ogg Vorbis/Opus or a video with sound."
        case .noAudioStream(let p): return "\(p) has no audio stream; choose a file with sound in it."
        case .tooLong(let p, let s, let l): return "\(p) is \(s / 3600)h\(String(format: "%02d", s / 60 % 60))m long; Kino takes sounds up to \(l / 60) minutes, so cut it first."
        case .truncated(let p, let d, let e): return "\(p) is truncated: \(String(format: "%.1f", d)) s of sound decode of the \(String(format: "%.1f", e)) s its header promises."
        case .damaged(let p, let r): return "\(p) is damaged and cannot be decoded (\(r))."
        }
    }
}

/// Decodes the first audio stream of a file (any format FFmpeg reads: WAV, FLAC, MP3, AAC,
/// Vorbis, Opus, a video's sound) to stereo float at 48 kHz. libswresample resamples and
/// downmixes with its standard matrix: centre and surrounds at −3 dB into left/right, LFE
/// dropped (ITU-R BS.775), mono at −3 dB into both sides; float output is not renormalised.
public enum AudioDecoder {
    /// Reads the header only.
    public static func info(path: String) throws -> AudioFileInfo {
        let input = try AudioInput(path: path)
        return input.info
    }

    /// Decodes the whole file; refuses sources longer than `maxSeconds` before decoding them.
    public static func decode(path: String, maxSeconds: Int = AudioLimits.maxSourceSeconds) throws -> StereoBuffer {
        let input = try AudioInput(path: path)
        if let d = input.info.durationSeconds, d > Double(maxSeconds) {
            throw AudioDecodeError.tooLong(path: path, seconds: Int(d), limit: maxSeconds)
        }
        let out = try input.decodeAll(maxSamples: (maxSeconds + 1) * AudioClock.sampleRate)
        if let (declared, actual) = riffSizes(path), declared > actual {
            // FFmpeg times a WAV by its file size, so a cut one only shows in its RIFF header.
            let got = AudioClock.seconds(samples: out.count)
            throw AudioDecodeError.truncated(path: path, decoded: got, expected: got * Double(declared) / Double(actual))
        }
        if let d = input.info.durationSeconds, d > 0.5 {
            let got = AudioClock.seconds(samples: out.count)
            // Compressed formats may be a few packets short of the header's estimate; a cut file is far short.
            if got < d * 0.9 - 0.05 { throw AudioDecodeError.truncated(path: path, decoded: got, expected: d) }
        }
        return out
    }
}

/// A RIFF (WAV) file's size as its header declares it and as it is on disk; nil for other
/// files and for headers written by a streaming writer (0 or 0xFFFFFFFF: size unknown).
func riffSizes(_ path: String) -> (declared: Int, actual: Int)? {
    guard let h = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? h.close() }
    guard let head = try? h.read(upToCount: 8), head.count == 8, head.prefix(4) == Data("RIFF".utf8),
          let end = try? h.seekToEnd() else { return nil }
    let size = head[4...7].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    guard size != 0, size != 0xFFFF_FFFF else { return nil }
    return (size + 8, Int(end))
}

/// An opened file, its best audio stream and a decoder for it.
final class AudioInput {
    let path: String
    private var format: UnsafeMutablePointer<AVFormatContext>?
    private var codec: UnsafeMutablePointer<AVCodecContext>?
    private let streamIndex: Int32
    let info: AudioFileInfo

    init(path: String) throws {
        _ = ffmpegLogging
        self.path = path
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: path) else { throw AudioDecodeError.fileNotFound(path) }
        guard (attrs[.size] as? NSNumber)?.intValue ?? 0 > 0 else { throw AudioDecodeError.emptyFile(path) }
        let opened = avformat_open_input(&format, path, nil, nil)
        guard opened >= 0, let format else { throw AudioDecodeError.notSound(path: path, reason: averrorText(opened)) }
        let found = avformat_find_stream_info(format, nil)
        guard found >= 0 else {
            avformat_close_input(&self.format)
            throw AudioDecodeError.notSound(path: path, reason: averrorText(found))
        }
        let best = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, nil, 0)
        guard best >= 0, let stream = format.pointee.streams[Int(best)] else {
            avformat_close_input(&self.format)
            throw AudioDecodeError.noAudioStream(path)
        }
        streamIndex = best
        for i in 0..<Int(format.pointee.nb_streams) where i != Int(best) {
            format.pointee.streams[i]?.pointee.discard = AVDISCARD_ALL
        }
        let par = stream.pointee.codecpar!
        guard let decoder = avcodec_find_decoder(par.pointee.codec_id) else {
            let name = String(cString: avcodec_get_name(par.pointee.codec_id))
            avformat_close_input(&self.format)
            throw AudioDecodeError.notSound(path: path, reason: "no decoder for \(name)")
        }
        codec = avcodec_alloc_context3(decoder)
        guard let codec else { avformat_close_input(&self.format); throw AudioDecodeError.damaged(path: path, reason: "out of memory") }
        avcodec_parameters_to_context(codec, par)
        codec.pointee.pkt_timebase = stream.pointee.time_base
        let r = avcodec_open2(codec, decoder, nil)
        guard r >= 0, codec.pointee.sample_rate > 0, codec.pointee.ch_layout.nb_channels > 0 else {
            avcodec_free_context(&self.codec)
            avformat_close_input(&self.format)
            throw AudioDecodeError.notSound(path: path, reason: r < 0 ? averrorText(r) : "no sample rate or channels")
        }
        var seconds: Double?
        if stream.pointee.duration != kino_av_nopts_value(), stream.pointee.duration > 0 {
            seconds = Double(stream.pointee.duration) * av_q2d(stream.pointee.time_base)
        } else if format.pointee.duration != kino_av_nopts_value(), format.pointee.duration > 0 {
            seconds = Double(format.pointee.duration) / Double(AV_TIME_BASE)
        }
        info = AudioFileInfo(codec: String(cString: decoder.pointee.name), sampleRate: Int(codec.pointee.sample_rate),
                             channels: Int(codec.pointee.ch_layout.nb_channels), durationSeconds: seconds)
    }

    deinit {
        avcodec_free_context(&codec)
        avformat_close_input(&format)
    }

    /// Decodes every packet of the stream through one resampler into 48 kHz stereo floats.
    func decodeAll(maxSamples: Int) throws -> StereoBuffer {
        guard let codec, let format else { return StereoBuffer(silence: 0) }
        var inLayout = AVChannelLayout()
        if codec.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC {
            av_channel_layout_default(&inLayout, codec.pointee.ch_layout.nb_channels)
        } else {
            av_channel_layout_copy(&inLayout, &codec.pointee.ch_layout)
        }
        defer { av_channel_layout_uninit(&inLayout) }
        var outLayout = AVChannelLayout()
        av_channel_layout_default(&outLayout, 2)
        defer { av_channel_layout_uninit(&outLayout) }
        var swr: OpaquePointer?
        var r = swr_alloc_set_opts2(&swr, &outLayout, AV_SAMPLE_FMT_FLTP, Int32(AudioClock.sampleRate),
                                    &inLayout, codec.pointee.sample_fmt, codec.pointee.sample_rate, 0, nil)
        if r >= 0 { r = swr_init(swr) }
        defer { swr_free(&swr) }
        guard r >= 0 else { throw AudioDecodeError.notSound(path: path, reason: "cannot resample: \(averrorText(r))") }

        var packet = av_packet_alloc(), frame = av_frame_alloc()
        defer { av_packet_free(&packet); av_frame_free(&frame) }
        guard let packet, let frame else { throw AudioDecodeError.damaged(path: path, reason: "out of memory") }
        var left: [Float] = [], right: [Float] = []
        var chunkL = [Float](repeating: 0, count: 8192), chunkR = chunkL
        var damagedPackets = 0, goodFrames = 0

        /// Resamples one frame (nil drains the resampler); returns the samples it gave.
        @discardableResult
        func convert(_ f: UnsafeMutablePointer<AVFrame>?) throws -> Int {
            let need = Int(swr_get_out_samples(swr, f?.pointee.nb_samples ?? 0)) + 64
            if chunkL.count < need { chunkL = [Float](repeating: 0, count: need); chunkR = chunkL }
            let room = Int32(chunkL.count)
            let n = chunkL.withUnsafeMutableBufferPointer { l in
                chunkR.withUnsafeMutableBufferPointer { rr in kino_swr_to_stereo(swr, l.baseAddress, rr.baseAddress, room, f) }
            }
            guard n >= 0 else { throw AudioDecodeError.damaged(path: path, reason: averrorText(n)) }
            left.append(contentsOf: chunkL[0..<Int(n)]); right.append(contentsOf: chunkR[0..<Int(n)])
            guard left.count <= maxSamples else {
                throw AudioDecodeError.tooLong(path: path, seconds: left.count / AudioClock.sampleRate, limit: maxSamples / AudioClock.sampleRate - 1)
            }
            return Int(n)
        }
        func receive() throws {
            while true {
                let got = avcodec_receive_frame(codec, frame)
                if got == kino_averror(EAGAIN) || got == kino_averror_eof() { return }
                guard got >= 0 else { damagedPackets += 1; return }
                goodFrames += 1
                try convert(frame)
                av_frame_unref(frame)
            }
        }
        while av_read_frame(format, packet) >= 0 {
            defer { av_packet_unref(packet) }
            guard packet.pointee.stream_index == streamIndex else { continue }
            if avcodec_send_packet(codec, packet) < 0 { damagedPackets += 1; continue }
            try receive()
        }
        _ = avcodec_send_packet(codec, nil)
        try receive()
        while try convert(nil) > 0 {}
        guard goodFrames > 0, !left.isEmpty else {
            throw AudioDecodeError.damaged(path: path, reason: damagedPackets > 0 ? "\(damagedPackets) unreadable packets" : "no sound in it")
        }
        return StereoBuffer(left: left, right: right)
    }
}
