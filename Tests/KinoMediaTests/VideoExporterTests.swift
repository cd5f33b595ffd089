import Foundation
import KinoCore
@testable import KinoMedia
import Testing

/// Export of each codec, probed by KinoMedia and by ffprobe, and read back.
@Suite struct VideoExporterTests {
    @Test func h264ExportIsAnMP4WithBT709TagsExactFramesAndFaststart() throws {
        let dir = ScratchFolder(), out = dir.file("clip.mp4")
        let frames = sequence(0, 48)
        let summary = try exportVideo(to: out, settings: ExportSettings(codec: .h264, frameRate: .fps24, width: 160, height: 90),
                                      frameCount: 48) { frames[$0] }
        #expect(summary.frameCount == 48)
        #expect(summary.duration == Rational(2))
        let info = try probeVideo(at: out)
        #expect(info.codecName == "h264" && info.pixelFormat == "yuv420p")
        #expect(info.width == 160 && info.height == 90 && info.frameCount == 48)
        #expect(info.frameRate == Rational(24) && info.duration == 2)
        let probe = try ffprobe(out)
        #expect(probe["codec_name"] == "h264" && probe["pix_fmt"] == "yuv420p")
        #expect(probe["nb_read_frames"] == "48")
        #expect(probe["stream_duration"] == "2.000000" && probe["format_duration"] == "2.000000")
        #expect(probe["color_primaries"] == "bt709" && probe["color_transfer"] == "bt709")
        #expect(probe["color_space"] == "bt709" && probe["color_range"] == "tv")
        // +faststart: the index (moov) comes before the media data (mdat).
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        let moov = bytes.range(of: Data("moov".utf8))!.lowerBound, mdat = bytes.range(of: Data("mdat".utf8))!.lowerBound
        #expect(moov < mdat)
        #expect(dir.contents == ["clip.mp4"])
    }

    @Test func h264ExportKeepsPSNRAbove40dB() throws {
        let dir = ScratchFolder(), out = dir.file("clip.mp4")
        let frames = sequence(0, 24, width: 320, height: 180)
        _ = try exportVideo(to: out, settings: ExportSettings(codec: .h264, frameRate: .fps24, width: 320, height: 180),
                            frameCount: 24) { frames[$0] }
        let decoder = try VideoDecoder(path: out)
        for i in 0..<24 {
            let value = psnr(try decoder.frame(at: i), frames[i])
            #expect(value >= 40, "frame \(i): \(value) dB")
        }
    }

    @Test func proresExportIsHQ422TenBitInMOV() throws {
        let dir = ScratchFolder(), out = dir.file("clip.mov")
        let frames = sequence(0, 12)
        _ = try exportVideo(to: out, settings: ExportSettings(codec: .prores, frameRate: .fps25, width: 160, height: 90),
                            frameCount: 12) { frames[$0] }
        let probe = try ffprobe(out)
        #expect(probe["codec_name"] == "prores" && probe["profile"] == "HQ")
        #expect(probe["pix_fmt"] == "yuv422p10le" && probe["nb_read_frames"] == "12")
        #expect(probe["stream_duration"] == "0.480000")
        #expect(probe["color_space"] == "bt709" && probe["color_range"] == "tv")
        let info = try probeVideo(at: out)
        #expect(info.codecName == "prores" && info.frameCount == 12 && info.frameRate == Rational(25))
        let first = try VideoDecoder(path: out).frame(at: 0)
        #expect(psnr(first, frames[0]) >= 40)
    }

    @Test func ffv1ExportDecodesBackBitForBit() throws {
        let dir = ScratchFolder(), out = dir.file("clip.mkv")
        let frames = sequence(0, 20, width: 161, height: 91)
        _ = try exportVideo(to: out, settings: ExportSettings(codec: .ffv1, frameRate: .fps24, width: 161, height: 91),
                            frameCount: 20) { frames[$0] }
        let probe = try ffprobe(out)
        #expect(probe["codec_name"] == "ffv1" && probe["pix_fmt"] == "bgr0")
        #expect(probe["width"] == "161" && probe["height"] == "91" && probe["nb_read_frames"] == "20")
        // Matroska keeps milliseconds: 20 frames at 24 fps last 0.8333… s, stored to within 1 ms.
        #expect(abs(Double(probe["format_duration"]!)! - 20.0 / 24.0) <= 0.001)
        let decoder = try VideoDecoder(path: out)
        #expect(decoder.info.frameCount == 20)
        for i in 0..<20 { #expect(try decoder.frame(at: i) == frames[i], "frame \(i)") }
        #expect(try ffmpegDecodeRGBA(out, width: 161, height: 91) == frames)
    }

    @Test func pngExportIsAFolderOfNumberedLosslessFrames() throws {
        let dir = ScratchFolder(), out = dir.file("frames")
        let frames = sequence(0, 5)
        let summary = try exportVideo(to: out, settings: ExportSettings(codec: .png, frameRate: .fps24, width: 160, height: 90),
                                      frameCount: 5) { frames[$0] }
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == (1...5).map { pngSequenceName($0) })
        #expect(names.first == "frame_000001.png")
        for (i, name) in names.enumerated() {
            #expect(try decodeImage(at: out + "/" + name) == frames[i])
        }
        let probe = try ffprobe(out + "/frame_000003.png")
        #expect(probe["codec_name"] == "png" && probe["pix_fmt"] == "rgb24" && probe["width"] == "160")
        #expect(summary.bytes > 0)
        #expect(dir.contents == ["frames"])
    }

    @Test func ntscRateTimestampsAreExactMultiplesOf1001Over24000() throws {
        let dir = ScratchFolder(), out = dir.file("ntsc.mp4")
        let frames = sequence(0, 100, width: 64, height: 36)
        let summary = try exportVideo(to: out, settings: ExportSettings(codec: .h264, frameRate: .ntsc23_976, width: 64, height: 36),
                                      frameCount: 100) { frames[$0] }
        #expect(summary.duration == Rational(100 * 1001, 24000))
        let probe = try ffprobe(out)
        #expect(probe["stream_duration"] == "4.170833" && probe["r_frame_rate"] == "24000/1001")
        #expect(probe["nb_read_frames"] == "100")
        let (_, text) = try run("/usr/bin/ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries",
                                                      "stream=time_base:packet=pts", "-of", "csv=p=0", out])
        let lines = text.split(separator: "\n").map(String.init)
        let timeBase = lines.first { $0.contains("/") }!
        #expect(timeBase == "1/24000")
        let pts = lines.compactMap { Int($0) }.sorted()
        #expect(pts == (0..<100).map { $0 * 1001 })
        #expect(try probeVideo(at: out).frameRate == Rational(24000, 1001))
    }

    @Test func rangeExportHoldsExactlyTheRangesFrames() throws {
        let dir = ScratchFolder(), out = dir.file("range.mkv")
        let all = sequence(0, 40)
        let range = 13..<31
        _ = try exportVideo(to: out, settings: ExportSettings(codec: .ffv1, frameRate: .fps24, width: 160, height: 90),
                            frameCount: range.count) { all[range.lowerBound + $0] }
        #expect(try ffprobe(out)["nb_read_frames"] == "18")
        #expect(try ffmpegDecodeRGBA(out, width: 160, height: 90) == Array(all[range]))
    }

    @Test func oddSizesArePaddedToEvenForH264AndProRes() throws {
        let dir = ScratchFolder()
        let frames = sequence(0, 6, width: 641, height: 361)
        let mp4 = dir.file("odd.mp4")
        let summary = try exportVideo(to: mp4, settings: ExportSettings(codec: .h264, preset: "ultrafast", frameRate: .fps24,
                                                                        width: 641, height: 361), frameCount: 6) { frames[$0] }
        #expect(summary.width == 642 && summary.height == 362)
        let probe = try ffprobe(mp4)
        #expect(probe["width"] == "642" && probe["height"] == "362" && probe["nb_read_frames"] == "6")
        // The picture itself is intact: the padded edge repeats the last column and row.
        let decoded = try VideoDecoder(path: mp4).frame(at: 2)
        #expect(psnr(crop(decoded, width: 641, height: 361), frames[2]) >= 40)
        let mov = dir.file("odd.mov")
        let prores = try exportVideo(to: mov, settings: ExportSettings(codec: .prores, frameRate: .fps24, width: 641, height: 361),
                                     frameCount: 2) { frames[$0] }
        #expect(prores.width == 642 && prores.height == 361)
        #expect(try probeVideo(at: mov).width == 642)
    }

    @Test func framesOfAnotherSizeAreScaledToTheExportSize() throws {
        let dir = ScratchFolder(), out = dir.file("scaled.mkv")
        _ = try exportVideo(to: out, settings: ExportSettings(codec: .ffv1, frameRate: .fps24, width: 80, height: 45),
                            frameCount: 3) { movingSquare(width: 160, height: 90, index: $0) }
        let info = try probeVideo(at: out)
        #expect(info.width == 80 && info.height == 45 && info.frameCount == 3)
    }

    @Test func existingFileAtTheDestinationIsReplacedWhole() throws {
        let dir = ScratchFolder(), out = dir.file("clip.mkv")
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        _ = try exportVideo(to: out, settings: ExportSettings(codec: .ffv1, frameRate: .fps24, width: 32, height: 18),
                            frameCount: 2) { movingSquare(width: 32, height: 18, index: $0) }
        #expect(try probeVideo(at: out).frameCount == 2)
        #expect(dir.contents == ["clip.mkv"])
    }

    @Test func previousPNGSequenceIsReplacedButAnUnrelatedFolderIsNot() throws {
        let dir = ScratchFolder(), out = dir.file("frames")
        let settings = ExportSettings(codec: .png, frameRate: .fps24, width: 32, height: 18)
        _ = try exportVideo(to: out, settings: settings, frameCount: 4) { movingSquare(width: 32, height: 18, index: $0) }
        _ = try exportVideo(to: out, settings: settings, frameCount: 2) { movingSquare(width: 32, height: 18, index: $0) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["frame_000001.png", "frame_000002.png"])
        #expect(dir.contents == ["frames"])
        let other = dir.file("notes")
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: other + "/todo.txt"))
        #expect(throws: MediaError.destinationInTheWay(other)) {
            try exportVideo(to: other, settings: settings, frameCount: 1) { _ in movingSquare(width: 32, height: 18, index: 0) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: other) == ["todo.txt"])
    }

    @Test func framesAreProducedOnAnotherThreadAFewAheadOfTheEncoder() throws {
        let dir = ScratchFolder(), out = dir.file("clip.mkv")
        let produced = Counter(), encoded = Counter(), otherThread = Counter()
        let caller = pthread_self()
        _ = try exportVideo(to: out, settings: ExportSettings(codec: .ffv1, frameRate: .fps24, width: 64, height: 36),
                            frameCount: 30, progress: { n in
                                _ = encoded.add()
                                #expect(n == encoded.current)
                            }) { i in
            if pthread_equal(pthread_self(), caller) == 0 { _ = otherThread.add() }
            let ahead = produced.add() - encoded.current
            produced.note(ahead)
            return movingSquare(width: 64, height: 36, index: i)
        }
        #expect(encoded.current == 30 && produced.current == 30 && otherThread.current == 30)
        #expect(produced.largest <= 6)
    }
}

func crop(_ frame: Frame, width: Int, height: Int) -> Frame {
    var px = [UInt8]()
    px.reserveCapacity(width * height * 4)
    for y in 0..<height {
        let start = y * frame.width * 4
        px.append(contentsOf: frame.pixels[start..<(start + width * 4)])
    }
    return Frame(width: width, height: height, pixels: px)
}
