import CFFmpeg
import Foundation
import KinoCore

/// One encoder and where its packets go: a muxed file (MP4, MOV, MKV) or a folder of PNGs.
/// Frames go in with pts 0, 1, 2 … in a time base of 1/rate, so every timestamp is exact.
final class StreamWriter {
    private enum Sink {
        case muxer(UnsafeMutablePointer<AVFormatContext>, UnsafeMutablePointer<AVStream>)
        case folder(String)
    }

    let settings: ExportSettings
    let path: String
    /// The name errors mention: the user's destination, not the temporary being written.
    let reportedPath: String
    private var encoder: UnsafeMutablePointer<AVCodecContext>?
    private var packet: UnsafeMutablePointer<AVPacket>?
    private var sink: Sink
    private var ioOpen = false
    private(set) var bytesWritten: Int64 = 0
    private(set) var packetsWritten = 0
    /// The sound muxed beside the picture, if the export has sound and the container takes it.
    private(set) var soundTrack: SoundTrack?

    /// The pixel format the encoder takes.
    let pixelFormat: AVPixelFormat
    /// The colour space pictures must be converted into.
    let colourSpace: ColourSpace

    /// Opens the encoder and, for a file, the muxer at `path` (a file, or an existing folder for PNG).
    init(path: String, reportingAs reportedPath: String, settings: ExportSettings, sound: StereoBuffer? = nil) throws {
        _ = ffmpegLogging
        self.path = path
        self.reportedPath = reportedPath
        self.settings = settings
        let rate = settings.frameRate.perSecond
        let encoderName: String
        switch settings.codec {
        case .h264: encoderName = "libx264"; pixelFormat = AV_PIX_FMT_YUV420P; colourSpace = .bt709Limited
        case .prores: encoderName = "prores_ks"; pixelFormat = AV_PIX_FMT_YUV422P10LE; colourSpace = .bt709Limited
        case .ffv1: encoderName = "ffv1"; pixelFormat = AV_PIX_FMT_BGR0; colourSpace = .rgbFull
        case .png: encoderName = "png"; pixelFormat = AV_PIX_FMT_RGB24; colourSpace = .rgbFull
        }
        guard let codec = avcodec_find_encoder_by_name(encoderName) else {
            throw MediaError.codecUnavailable(encoderName)
        }

        if settings.codec == .png {
            sink = .folder(path)
        } else {
            let muxerName = ["h264": "mp4", "prores": "mov", "ffv1": "matroska"][settings.codec.rawValue]!
            var fmt: UnsafeMutablePointer<AVFormatContext>?
            guard avformat_alloc_output_context2(&fmt, nil, muxerName, path) >= 0, let fmt,
                  let stream = avformat_new_stream(fmt, nil) else {
                throw MediaError.codecUnavailable(muxerName)
            }
            sink = .muxer(fmt, stream)
        }

        guard let enc = avcodec_alloc_context3(codec), let pkt = av_packet_alloc() else {
            throw MediaError.encodingFailed("out of memory")
        }
        encoder = enc
        packet = pkt
        enc.pointee.width = Int32(settings.encodedWidth)
        enc.pointee.height = Int32(settings.encodedHeight)
        enc.pointee.pix_fmt = pixelFormat
        enc.pointee.time_base = AVRational(num: Int32(rate.denominator), den: Int32(rate.numerator))
        enc.pointee.framerate = AVRational(num: Int32(rate.numerator), den: Int32(rate.denominator))
        enc.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
        enc.pointee.thread_count = 0
        var options: OpaquePointer?
        defer { av_dict_free(&options) }
        switch settings.codec {
        case .h264, .prores:
            enc.pointee.color_primaries = AVCOL_PRI_BT709
            enc.pointee.color_trc = AVCOL_TRC_BT709
            enc.pointee.colorspace = AVCOL_SPC_BT709
            enc.pointee.color_range = AVCOL_RANGE_MPEG
            if settings.codec == .h264 {
                av_dict_set(&options, "preset", settings.preset, 0)
                av_dict_set(&options, "crf", String(settings.crf), 0)
            } else {
                enc.pointee.profile = 3  // FF_PROFILE_PRORES_HQ
                av_dict_set(&options, "vendor", "apl0", 0)
            }
        case .ffv1:
            enc.pointee.color_primaries = AVCOL_PRI_BT709
            enc.pointee.color_trc = AVCOL_TRC_IEC61966_2_1
            enc.pointee.colorspace = AVCOL_SPC_RGB
            enc.pointee.color_range = AVCOL_RANGE_JPEG
            enc.pointee.level = 3
            enc.pointee.gop_size = 1
            av_dict_set(&options, "slicecrc", "1", 0)
        case .png:
            // Paeth prediction and zlib's default level: small files at a fair speed.
            enc.pointee.compression_level = 6
            av_dict_set(&options, "pred", "paeth", 0)
        }
        if case .muxer(let fmt, _) = sink, fmt.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0 {
            enc.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER
        }
        let opened = avcodec_open2(enc, codec, &options)
        guard opened >= 0 else {
            throw MediaError.invalidSettings("\(encoderName) refused them (\(averrorText(opened)))")
        }

        if case .muxer(let fmt, let stream) = sink {
            avcodec_parameters_from_context(stream.pointee.codecpar, enc)
            stream.pointee.time_base = enc.pointee.time_base
            stream.pointee.avg_frame_rate = enc.pointee.framerate
            stream.pointee.r_frame_rate = enc.pointee.framerate
            if let sound, let soundCodec = SoundCodec.accompanying(settings.codec) {
                soundTrack = try SoundTrack(muxer: fmt, codec: soundCodec, sound: sound, reportingAs: reportedPath)
            }
            let r = avio_open(&fmt.pointee.pb, path, AVIO_FLAG_WRITE)
            guard r >= 0 else { throw writeError(averror: r, path: reportedPath) }
            ioOpen = true
            var muxOptions: OpaquePointer?
            defer { av_dict_free(&muxOptions) }
            // use_metadata_tags: MP4/MOV keep the `kino` record under its own key.
            switch settings.codec {
            case .h264: av_dict_set(&muxOptions, "movflags", "+faststart+write_colr+use_metadata_tags", 0)
            case .prores: av_dict_set(&muxOptions, "movflags", "+write_colr+use_metadata_tags", 0)
            default: break
            }
            makeReproducible(fmt)
            try settings.provenance?.apply(to: fmt, rate: rate)
            let h = avformat_write_header(fmt, &muxOptions)
            guard h >= 0 else { throw writeError(averror: h, path: reportedPath) }
        }
    }

    deinit {
        avcodec_free_context(&encoder)
        av_packet_free(&packet)
        if case .muxer(let fmt, _) = sink {
            if ioOpen { avio_closep(&fmt.pointee.pb) }
            avformat_free_context(fmt)
        }
    }

    /// Encodes one picture (pts already set) and writes whatever packets come out.
    func write(_ picture: OwnedAVFrame) throws {
        // Some encoders (prores_ks) tag each picture from the frame, not the context.
        if let encoder {
            picture.pointer.pointee.color_primaries = encoder.pointee.color_primaries
            picture.pointer.pointee.color_trc = encoder.pointee.color_trc
            picture.pointer.pointee.colorspace = encoder.pointee.colorspace
            picture.pointer.pointee.color_range = encoder.pointee.color_range
        }
        let r = avcodec_send_frame(encoder, picture.pointer)
        guard r >= 0 else { throw MediaError.encodingFailed(averrorText(r)) }
        try drain()
    }

    /// Flushes the encoder and closes the file; after this the output is complete.
    func finish() throws {
        let r = avcodec_send_frame(encoder, nil)
        guard r >= 0 else { throw MediaError.encodingFailed(averrorText(r)) }
        try drain()
        try soundTrack?.finish()
        if case .muxer(let fmt, _) = sink {
            let t = av_write_trailer(fmt)
            guard t >= 0 else { throw writeError(averror: t, path: reportedPath) }
            let c = avio_closep(&fmt.pointee.pb)
            ioOpen = false
            guard c >= 0 else { throw writeError(averror: c, path: reportedPath) }
            bytesWritten = Int64((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
    }

    private func drain() throws {
        guard let encoder, let packet else { return }
        try receivePackets(encoder, packet) {
            // Every frame lasts exactly one tick of 1/rate; encoders with delay leave it unset.
            if packet.pointee.duration == 0 { packet.pointee.duration = 1 }
            switch sink {
            case .muxer(let fmt, let stream):
                try writePacket(packet, from: encoder, to: fmt, stream: stream, reportingAs: reportedPath)
            case .folder(let folder):
                let index = Int(packet.pointee.pts) + 1
                let file = (folder as NSString).appendingPathComponent(pngSequenceName(index))
                try writeFile(UnsafeRawBufferPointer(start: packet.pointee.data, count: Int(packet.pointee.size)),
                              to: file, reportingAs: reportedPath)
                bytesWritten += Int64(packet.pointee.size)
            }
            packetsWritten += 1
        }
    }
}

/// Hands each packet the encoder has ready to `each` (then unrefs it), until it wants more input.
func receivePackets(_ encoder: UnsafeMutablePointer<AVCodecContext>, _ packet: UnsafeMutablePointer<AVPacket>,
                    _ each: () throws -> Void) throws {
    while true {
        let r = avcodec_receive_packet(encoder, packet)
        if r == kino_averror(EAGAIN) || r == kino_averror_eof() { return }
        guard r >= 0 else { throw MediaError.encodingFailed(averrorText(r)) }
        defer { av_packet_unref(packet) }
        try each()
    }
}

/// Moves a packet from the encoder's time base to its stream's and writes it through the interleaver.
func writePacket(_ packet: UnsafeMutablePointer<AVPacket>, from encoder: UnsafeMutablePointer<AVCodecContext>,
                 to fmt: UnsafeMutablePointer<AVFormatContext>, stream: UnsafeMutablePointer<AVStream>, reportingAs path: String) throws {
    av_packet_rescale_ts(packet, encoder.pointee.time_base, stream.pointee.time_base)
    packet.pointee.stream_index = stream.pointee.index
    let w = av_interleaved_write_frame(fmt, packet)
    guard w >= 0 else { throw writeError(averror: w, path: path) }
}

/// frame_000001.png for index 1: the numbering an image2 demuxer and most tools read back.
public func pngSequenceName(_ index: Int) -> String {
    let digits = String(index)
    return "frame_" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".png"
}

/// Writes bytes to a new file with plain POSIX calls, so a full disk or a size limit surfaces
/// as its errno (never a signal: export ignores SIGXFSZ).
func writeFile(_ bytes: UnsafeRawBufferPointer, to path: String, reportingAs reported: String? = nil) throws {
    let named = reported ?? path
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw writeError(errno: errno, path: named) }
    var offset = 0
    while offset < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            let e = errno
            close(fd)
            throw writeError(errno: e, path: named)
        }
        offset += n
    }
    guard close(fd) == 0 else { throw writeError(errno: errno, path: named) }
}
