import Foundation
import KinoAudio
import KinoCore
import Testing
@testable import KinoKit

/// ffmpeg's own EBU R128 meter: (integrated LUFS, true peak dBTP) of a file's sound.
func ffmpegLoudness(_ path: String) throws -> (lufs: Double, peak: Double) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
    p.arguments = ["-nostats", "-i", path, "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"]
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let summary = text.components(separatedBy: "Summary:").last ?? ""
    func number(after label: String) -> Double {
        guard let r = summary.range(of: label) else { return .nan }
        let rest = summary[r.upperBound...].trimmingCharacters(in: .whitespaces)
        return Double(rest.prefix { "-+.0123456789".contains($0) }) ?? .nan
    }
    return (number(after: "I:"), number(after: "Peak:"))
}

@Suite struct LoudnessExportTests {
    @Test func testANormalisedExportMeasuresOnTargetWithItsTruePeakUnderMinus1dBTP() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("a.kino"), shots: [("a quiet room", 6)], size: "160x90")
        // A hot, spiky bed: loud enough that reaching −16 LUFS needs the limiter, and a voice on it.
        _ = try s.addMusicBed(seed: 9, atSeconds: 0, length: 6, gainDB: 6, fade: 0.1)
        try s.addVoiceLine(VoiceLine(text: "Loud and clear."), atSeconds: 1, gainDB: 6)
        for (target, file) in [(Loudness.web, "web.mp4"), (Loudness.broadcast, "ebu.mov")] {
            let out = dir.file(file)
            try s.export(to: out, codec: file.hasSuffix("mp4") ? "h264" : "prores", preset: "ultrafast", loudness: target)
            let (lufs, peak) = try ffmpegLoudness(out)
            print("loudness: \(file) measured by ffmpeg ebur128 at \(lufs) LUFS (target \(target)), true peak \(peak) dBTP")
            #expect(abs(lufs - target) <= 0.5, "\(file): \(lufs) LUFS for \(target)")
            #expect(peak < -1, "\(file): true peak \(peak) dBTP")
        }
        let wav = dir.file("web.wav")
        try s.exportSound(to: wav, loudness: Loudness.web)
        let (lufs, peak) = try ffmpegLoudness(wav)
        #expect(abs(lufs + 16) <= 0.5 && peak < -1, "\(lufs) LUFS, \(peak) dBTP")
    }

    @Test func testASilentMixOrAnImpossibleTargetIsAOneLineError() throws {
        let silence = StereoBuffer(silence: 48_000)
        #expect(throws: LoudnessError.silent) { try Loudness.normalise(silence, targetLUFS: -16) }
        #expect(throws: LoudnessError.targetOutOfRange(10)) { try Loudness.normalise(StereoBuffer(mono: [0.5, -0.5]), targetLUFS: 10) }
        #expect(throws: LoudnessError.targetOutOfRange(.infinity)) { try Loudness.normalise(StereoBuffer(mono: [0.5]), targetLUFS: .infinity) }
    }
}
