import Foundation
import KinoCore
import KinoMedia
import Testing

/// Reading clips: probing, frame N in any order, the last frame, and files that are not video.
@Suite struct VideoDecoderTests {
    /// An FFV1 clip of `count` known frames (every frame a keyframe).
    func losslessClip(_ dir: ScratchFolder, count: Int) throws -> (String, [Frame]) {
        let path = dir.file("clip.mkv")
        let frames = sequence(0, count, width: 96, height: 54)
        _ = try exportVideo(to: path, settings: ExportSettings(codec: .ffv1, frameRate: .fps25, width: 96, height: 54),
                            frameCount: count) { frames[$0] }
        return (path, frames)
    }

    @Test func framesComeBackByIndexInAnyOrder() throws {
        let dir = ScratchFolder()
        let (path, frames) = try losslessClip(dir, count: 70)
        let decoder = try VideoDecoder(path: path)
        #expect(decoder.info.frameCount == 70 && decoder.info.frameRate == Rational(25))
        for index in [0, 1, 2, 65, 3, 3, 40, 69, 10, 11, 60] {
            #expect(try decoder.frame(at: index) == frames[index], "frame \(index)")
        }
        #expect(throws: MediaError.frameOutOfRange(index: 70, count: 70)) { try decoder.frame(at: 70) }
        #expect(decoder.frameIndex(atSeconds: 0) == 0 && decoder.frameIndex(atSeconds: 1.0) == 25)
        #expect(decoder.frameIndex(atSeconds: 1.039) == 25 && decoder.frameIndex(atSeconds: 99) == 69)
        #expect(try decodeLastFrame(of: path) == frames[69])
    }

    @Test func seekingInALongGOPClipMatchesSequentialDecoding() throws {
        let dir = ScratchFolder()
        let (lossless, _) = try losslessClip(dir, count: 60)
        let h264 = dir.file("gop.mp4")
        try run("/usr/bin/ffmpeg", ["-v", "error", "-i", lossless, "-c:v", "libx264", "-g", "12", "-bf", "2",
                                    "-pix_fmt", "yuv420p", h264])
        let sequential = try VideoDecoder(path: h264)
        let inOrder = try (0..<60).map { try sequential.frame(at: $0) }
        let random = try VideoDecoder(path: h264)
        for index in [37, 5, 59, 12, 11, 24, 0, 58] {
            #expect(try random.frame(at: index) == inOrder[index], "frame \(index)")
        }
        #expect(try decodeLastFrame(of: h264) == inOrder[59])
    }

    @Test func oneDecoderSharedByThreadsGivesEachTheRightFrame() throws {
        let dir = ScratchFolder()
        let (path, frames) = try losslessClip(dir, count: 30)
        let decoder = try VideoDecoder(path: path)
        let wrong = Counter()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for step in 0..<15 {
                let index = (worker * 7 + step * 11) % 30
                if (try? decoder.frame(at: index)) != frames[index] { _ = wrong.add() }
            }
        }
        #expect(wrong.current == 0)
    }

    @Test func framesScaleToARequestedSize() throws {
        let dir = ScratchFolder()
        let (path, frames) = try losslessClip(dir, count: 3)
        let small = try VideoDecoder(path: path).frame(at: 1, width: 48, height: 27)
        #expect(small.width == 48 && small.height == 27)
        #expect(psnr(small, frames[1].resized(width: 48, height: 27)) >= 30)
    }

    @Test func audioOnlyFileHasNoVideoStream() throws {
        let dir = ScratchFolder(), path = dir.file("tone.m4a")
        try run("/usr/bin/ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", path])
        let error = #expect(throws: MediaError.noVideoStream(path)) { try probeVideo(at: path) }
        #expect(error?.errorDescription == "\(path) has no video stream; choose a file with video in it.")
        #expect(throws: MediaError.noVideoStream(path)) { try VideoDecoder(path: path) }
    }

    @Test func missingAndNonVideoFilesAreClearErrors() throws {
        let dir = ScratchFolder()
        #expect(throws: MediaError.fileNotFound(dir.file("ghost.mp4"))) { try probeVideo(at: dir.file("ghost.mp4")) }
        let text = dir.file("notes.mp4")
        try Data(repeating: 0x20, count: 64).write(to: URL(fileURLWithPath: text))
        let error = #expect(throws: MediaError.self) { try probeVideo(at: text) }
        guard case .unreadableVideo(let path, _) = error else {
            Issue.record("expected unreadableVideo, got \(String(describing: error))")
            return
        }
        #expect(path == text)
    }

    @Test func probeMatchesFFprobeOnAClipFFmpegMade() throws {
        let dir = ScratchFolder(), path = dir.file("bars.mov")
        try run("/usr/bin/ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=200x100:rate=30000/1001:duration=2",
                                    "-c:v", "libx264", "-pix_fmt", "yuv444p", path])
        let info = try probeVideo(at: path)
        let probe = try ffprobe(path)
        #expect(info.width == 200 && info.height == 100 && info.pixelFormat == "yuv444p" && info.codecName == "h264")
        #expect(String(info.frameCount) == probe["nb_read_frames"])
        #expect(info.frameRate == Rational(30000, 1001))
        #expect(abs(info.duration - Double(probe["stream_duration"]!)!) < 1e-6)
    }
}
