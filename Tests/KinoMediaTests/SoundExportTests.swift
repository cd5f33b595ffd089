import Foundation
import KinoCore
import Testing
@testable import KinoMedia

/// Decodes the first audio stream with the ffmpeg command line to interleaved stereo floats.
func decodeWithFFmpeg(_ path: String, in dir: ScratchFolder) throws -> (left: [Float], right: [Float]) {
    let raw = dir.file("decoded-\(UUID().uuidString.prefix(6)).f32")
    let (status, _) = try run("/usr/bin/ffmpeg", ["-v", "error", "-i", path, "-map", "0:a:0", "-f", "f32le", "-ac", "2", "-ar", "48000", raw])
    #expect(status == 0)
    let data = try Data(contentsOf: URL(fileURLWithPath: raw))
    let floats = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    return (stride(from: 0, to: floats.count, by: 2).map { floats[$0] }, stride(from: 1, to: floats.count, by: 2).map { floats[$0] })
}

/// ffprobe's fields for one stream ("a:0", "v:0").
func probeStream(_ path: String, _ which: String) throws -> [String: String] {
    let (_, text) = try run("/usr/bin/ffprobe", ["-v", "error", "-select_streams", which, "-show_entries",
                                                  "stream=codec_name,sample_rate,channels,start_time,duration,duration_ts,time_base",
                                                  "-of", "default=noprint_wrappers=1", path])
    var out: [String: String] = [:]
    for line in text.split(separator: "\n") {
        let kv = line.split(separator: "=", maxSplits: 1).map(String.init)
        if kv.count == 2 { out[kv[0]] = kv[1] }
    }
    return out
}

/// Two seconds of a 440 Hz tone at −12 dBFS in the left channel and 660 Hz in the right.
func testTone(samples: Int) -> StereoBuffer {
    StereoBuffer(left: (0..<samples).map { 0.25 * sin(2 * .pi * 440 * Float($0) / 48_000) },
                 right: (0..<samples).map { 0.25 * sin(2 * .pi * 660 * Float($0) / 48_000) })
}

@Suite struct SoundExportTests {
    @Test func testEveryContainerCarriesItsSoundWithExactlyDurationTimes48000Samples() throws {
        let dir = ScratchFolder()
        let rate = FrameRate.fps24
        let sound = testTone(samples: 96_000)      // 48 frames at 24 fps
        for (codec, ext, audioCodec) in [(ExportCodec.h264, "mp4", "aac"), (.prores, "mov", "pcm_s24le"), (.ffv1, "mkv", "flac")] {
            let path = dir.file("out.\(ext)")
            let settings = ExportSettings(codec: codec, preset: "ultrafast", frameRate: rate, width: 64, height: 48)
            _ = try exportVideo(to: path, settings: settings, frameCount: 48, sound: sound) { i in movingSquare(width: 64, height: 48, index: i) }
            let a = try probeStream(path, "a:0"), v = try probeStream(path, "v:0")
            #expect(a["codec_name"] == audioCodec, "\(ext): \(a)")
            #expect(a["sample_rate"] == "48000" && a["channels"] == "2", "\(ext)")
            let aStart = Double(a["start_time"] ?? "") ?? -1, vStart = Double(v["start_time"] ?? "") ?? -1
            #expect(abs(aStart - vStart) < 1e-6, "\(ext): audio starts at \(aStart), video at \(vStart)")
            let decoded = try decodeWithFFmpeg(path, in: dir)
            if codec == .h264 {
                // MP4 records the exact length in its edit list (96,000 ticks of 1/48000); FFmpeg's
                // decoder honours the edit list's start (the priming is gone) but not its end, so
                // what it decodes runs on to the end of the last 1,024-sample AAC frame.
                #expect(a["time_base"] == "1/48000" && a["duration_ts"] == "96000", "\(ext): \(a)")
                #expect(decoded.left.count >= 96_000 && decoded.left.count < 96_000 + 1024, "\(ext): \(decoded.left.count)")
            } else {
                #expect(decoded.left.count == 96_000, "\(ext): \(decoded.left.count) samples decoded")
            }
            let audioSeconds = codec == .h264 ? (Double(a["duration_ts"] ?? "") ?? 0) / 48_000 : Double(decoded.left.count) / 48_000
            let aEnd = aStart + audioSeconds, vEnd = vStart + 2.0
            #expect(abs(aEnd - vEnd) <= 1024.0 / 48_000, "\(ext): ends \(aEnd) vs \(vEnd)")
            // The tone survives (AAC is lossy: compare the level, PCM and FLAC exactly to 24 bits).
            if codec == .h264 {
                #expect(abs(rms(decoded.left, 24_000..<72_000) - 0.1768) < 0.01)
                #expect(abs(crossings(decoded.right, 24_000..<72_000) - 660) <= 2)
                // Sample-aligned: the decoded tone lies on the original, not a priming delay later.
                var err: Float = 0
                for i in 24_000..<26_000 { err += abs(decoded.left[i] - sound.left[i]) }
                #expect(err / 2_000 < 0.01, "mean error \(err / 2_000)")
            } else {
                var worst: Float = 0
                for i in 0..<96_000 { worst = max(worst, abs(decoded.left[i] - sound.left[i]), abs(decoded.right[i] - sound.right[i])) }
                #expect(worst < 1.0 / 8_000_000, "\(ext): worst error \(worst)")
            }
        }
    }

    @Test func testAPNGSequenceGetsAWAVBesideItsFrames() throws {
        let dir = ScratchFolder()
        let out = dir.file("frames")
        let settings = ExportSettings(codec: .png, frameRate: .fps24, width: 32, height: 24)
        _ = try exportVideo(to: out, settings: settings, frameCount: 12, sound: testTone(samples: 24_000)) { i in movingSquare(width: 32, height: 24, index: i) }
        let wav = (out as NSString).appendingPathComponent("audio.wav")
        #expect(try probeStream(wav, "a:0")["codec_name"] == "pcm_s24le")
        #expect(try decodeWithFFmpeg(wav, in: dir).left.count == 24_000)
        #expect(FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent(pngSequenceName(12))))
    }

    @Test func testSoundFilesAreWrittenAsWAVOrFLACAndOtherNamesRefused() throws {
        let dir = ScratchFolder()
        let tone = testTone(samples: 30_001)
        for ext in ["wav", "flac"] {
            let path = dir.file("mix.\(ext)")
            #expect(try exportSound(tone, to: path) > 0)
            let d = try decodeWithFFmpeg(path, in: dir)
            #expect(d.left.count == 30_001, "\(ext)")
            #expect(abs(d.right[1234] - tone.right[1234]) < 1e-6)
        }
        #expect(throws: MediaError.self) { try exportSound(tone, to: dir.file("mix.mp3")) }
        #expect(!FileManager.default.fileExists(atPath: dir.file("mix.mp3")))
    }
}
