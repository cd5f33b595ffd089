import Foundation
import KinoCore
import Testing
@testable import KinoMedia

/// Makes a sound file with the ffmpeg command line from a lavfi source.
func makeSound(_ path: String, _ source: String, seconds: Double, _ codec: [String]) throws {
    let (status, _) = try run("/usr/bin/ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", source, "-t", "\(seconds)"] + codec + [path])
    #expect(status == 0, "ffmpeg could not make \(path)")
}

/// Root mean square of samples `range`.
func rms(_ x: [Float], _ range: Range<Int>) -> Double {
    var s = 0.0
    for i in range { s += Double(x[i]) * Double(x[i]) }
    return (s / Double(range.count)).squareRoot()
}

/// Upward zero crossings in `range`: the frequency of a pure tone over that span.
func crossings(_ x: [Float], _ range: Range<Int>) -> Int {
    var n = 0
    for i in range.dropFirst() where x[i - 1] < 0 && x[i] >= 0 { n += 1 }
    return n
}

@Suite struct AudioDecoderTests {
    @Test func testEveryImportFormatDecodesTo48kStereoAtItsTruePitchAndLength() throws {
        let dir = ScratchFolder()
        let formats: [(String, [String], Int)] = [
            ("wav", ["-c:a", "pcm_s16le"], 2), ("flac", ["-c:a", "flac"], 2), ("mp3", ["-c:a", "libmp3lame", "-b:a", "128k"], 2400),
            ("m4a", ["-c:a", "aac", "-b:a", "128k"], 2400), ("ogg", ["-c:a", "libvorbis"], 2400), ("opus", ["-c:a", "libopus"], 2400),
        ]
        for (ext, codec, slack) in formats {
            let path = dir.file("tone.\(ext)")
            try makeSound(path, "sine=f=440:r=44100", seconds: 2, codec + ["-ac", "2"])
            let info = try AudioDecoder.info(path: path)
            #expect(info.channels == 2, "\(ext)")
            let sound = try AudioDecoder.decode(path: path)
            #expect(abs(sound.count - 96_000) <= slack, "\(ext): \(sound.count) samples")
            let mid = 24_000..<72_000
            #expect(abs(crossings(sound.left, mid) - 440) <= 2, "\(ext): \(crossings(sound.left, mid)) crossings a second")
            // lavfi's sine is 1/8 of full scale (RMS 0.088); ffmpeg's -ac 2 spreads it at −3 dB: 0.0625.
            #expect(abs(rms(sound.left, mid) - 0.0625) < 0.006, "\(ext): rms \(rms(sound.left, mid))")
            #expect(abs(rms(sound.right, mid) - 0.0625) < 0.006, "\(ext)")
        }
    }

    @Test func testMonoAnd8kHzAreSpreadToBothSidesAtMinus3dB() throws {
        let dir = ScratchFolder()
        let path = dir.file("phone.wav")
        try makeSound(path, "sine=f=300:r=8000", seconds: 1, ["-ac", "1", "-c:a", "pcm_s16le"])
        let sound = try AudioDecoder.decode(path: path)
        #expect(abs(sound.count - 48_000) <= 2)
        #expect(abs(crossings(sound.left, 12_000..<36_000) - 150) <= 2)
        let expected = 0.0884 * 0.7071
        #expect(abs(rms(sound.left, 12_000..<36_000) - expected) < 0.006)
        #expect(sound.left == sound.right)
    }

    @Test func testSurroundIsDownmixedWithTheStandardCoefficients() throws {
        let dir = ScratchFolder()
        let tone = "0.5*sin(2*PI*440*t)"
        // 5.1: FL FR FC LFE BL BR. Centre alone, then LFE alone.
        let centre = dir.file("centre.wav"), lfe = dir.file("lfe.wav"), side = dir.file("side.wav")
        try makeSound(centre, "aevalsrc=0|0|\(tone)|0|0|0:c=5.1:s=48000", seconds: 1, ["-c:a", "pcm_s16le"])
        try makeSound(lfe, "aevalsrc=0|0|0|\(tone)|0|0:c=5.1:s=48000", seconds: 1, ["-c:a", "pcm_s16le"])
        // 7.1: FL FR FC LFE BL BR SL SR. Side left alone.
        try makeSound(side, "aevalsrc=0|0|0|0|0|0|\(tone)|0:c=7.1:s=48000", seconds: 1, ["-c:a", "pcm_s16le"])
        #expect(try AudioDecoder.info(path: centre).channels == 6)
        #expect(try AudioDecoder.info(path: side).channels == 8)
        let mid = 12_000..<36_000, full = 0.5 / 2.0.squareRoot()
        let c = try AudioDecoder.decode(path: centre)
        #expect(abs(rms(c.left, mid) - full * 0.7071) < 0.005, "centre → left \(rms(c.left, mid))")
        #expect(abs(rms(c.right, mid) - full * 0.7071) < 0.005)
        let l = try AudioDecoder.decode(path: lfe)
        #expect(rms(l.left, mid) < 0.001, "the LFE is dropped")
        let s = try AudioDecoder.decode(path: side)
        #expect(abs(rms(s.left, mid) - full * 0.7071) < 0.005, "side left → left \(rms(s.left, mid))")
        #expect(rms(s.right, mid) < 0.001)
    }

    @Test func testAVideosSoundIsDecodedAndAVideoWithoutSoundIsRefused() throws {
        let dir = ScratchFolder()
        let withSound = dir.file("clip.mp4"), silent = dir.file("silent.mp4")
        #expect(try run("/usr/bin/ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=s=160x120:r=24", "-f", "lavfi", "-i", "sine=f=440:r=48000",
                                             "-t", "1", "-c:v", "libx264", "-c:a", "aac", "-shortest", withSound]).status == 0)
        #expect(try run("/usr/bin/ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=s=160x120:r=24", "-t", "1", "-c:v", "libx264", silent]).status == 0)
        let sound = try AudioDecoder.decode(path: withSound)
        #expect(abs(sound.count - 48_000) < 2400)
        #expect(throws: AudioDecodeError.noAudioStream(silent)) { try AudioDecoder.decode(path: silent) }
    }

    @Test func testBadSoundFilesAreOneLineErrors() throws {
        let dir = ScratchFolder()
        func refused(_ path: String, _ words: String) {
            do {
                _ = try AudioDecoder.decode(path: path)
                Issue.record("decoded \(path), expected an error with '\(words)'")
            } catch {
                let text = error.localizedDescription
                #expect(text.contains(words), "\(text)")
                #expect(!text.contains("\n"))
            }
        }
        refused(dir.file("missing.wav"), "does not exist")
        FileManager.default.createFile(atPath: dir.file("empty.wav"), contents: Data())
        refused(dir.file("empty.wav"), "is empty")
        var noise = [UInt8](repeating: 0, count: 4096)
        for i in noise.indices { noise[i] = UInt8(truncatingIfNeeded: i &* 2654435761 >> 7) }
        FileManager.default.createFile(atPath: dir.file("noise.mp3"), contents: Data(noise))
        refused(dir.file("noise.mp3"), "not a sound file")
        FileManager.default.createFile(atPath: dir.file("notes.txt"), contents: Data("just some words\n".utf8))
        refused(dir.file("notes.txt"), "not a sound file")
        try makeSound(dir.file("whole.wav"), "sine=f=440:r=48000", seconds: 5, ["-c:a", "pcm_s16le"])
        let whole = try Data(contentsOf: URL(fileURLWithPath: dir.file("whole.wav")))
        try whole.prefix(whole.count / 5).write(to: URL(fileURLWithPath: dir.file("cut.wav")))
        refused(dir.file("cut.wav"), "truncated")
        try makeSound(dir.file("long.flac"), "anullsrc=r=8000:cl=mono", seconds: 3 * 3600, ["-c:a", "flac"])
        refused(dir.file("long.flac"), "up to 60 minutes")
        #expect(try run("/usr/bin/ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=s=32x32", "-frames:v", "1", dir.file("still.png")]).status == 0)
        refused(dir.file("still.png"), "no audio stream")
    }
}
