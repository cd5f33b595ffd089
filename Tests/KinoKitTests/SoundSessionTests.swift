import Foundation
import KinoCore
import Testing
@testable import KinoKit

/// Runs a program, returning its exit status and standard output.
@discardableResult
func runTool(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: program)
    p.arguments = arguments
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Samples of the first audio stream, decoded by the ffmpeg command line (left channel).
func decodedLeft(_ path: String, dir: TempFolder) throws -> [Float] {
    let raw = dir.file("left-\(UUID().uuidString.prefix(6)).f32")
    #expect(try runTool("/usr/bin/ffmpeg", ["-v", "error", "-i", path, "-map", "0:a:0", "-af", "pan=mono|c0=c0", "-f", "f32le", raw]).status == 0)
    return try Data(contentsOf: URL(fileURLWithPath: raw)).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
}

func levelRMS(_ x: [Float], _ r: Range<Int>) -> Double {
    (r.reduce(0.0) { $0 + Double(x[$1]) * Double(x[$1]) } / Double(r.count)).squareRoot()
}

@Suite struct SoundSessionTests {
    @Test func testImportedSoundAndAMusicBedAreExportedWithThePicture() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("a.kino"), shots: [("a quiet room", 1), ("a quiet room", 1)], size: "160x90")
        let tone = dir.file("tone.flac")
        #expect(try runTool("/usr/bin/ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "sine=f=1000:r=44100", "-t", "0.5", "-c:a", "flac", tone]).status == 0)
        let clip = try s.importAudio(path: tone, lane: .effects, atSeconds: 1.0)
        #expect(abs(clip.sourceSamples - 24_000) <= 2 && clip.start == 24)
        _ = try s.addMusicBed(seed: 5, atSeconds: 0, length: 2, gainDB: -20, fade: 0.25)
        let out = dir.file("movie.mp4")
        let result = try s.export(to: out, codec: "h264", preset: "ultrafast")
        #expect(result.soundSamples == 96_000)
        let (_, probe) = try runTool("/usr/bin/ffprobe", ["-v", "error", "-select_streams", "a:0", "-show_entries",
                                                          "stream=codec_name,sample_rate,channels,duration_ts,start_time", "-of", "csv=p=0", out])
        #expect(probe.trimmingCharacters(in: .whitespacesAndNewlines) == "aac,48000,2,0.000000,96000", "\(probe)")
        let left = try decodedLeft(out, dir: dir)
        // The tone plays from 1.0 s to 1.5 s, well above the bed.
        #expect(levelRMS(left, 50_000..<70_000) > 4 * levelRMS(left, 5_000..<40_000))
        #expect(levelRMS(left, 5_000..<40_000) > 0.001, "the bed is heard")
    }

    @Test func testAChangedSoundFileIsRefusedWhenTheMixNeedsItAgain() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("a.kino"), shots: [("a quiet room", 1)], size: "160x90")
        let tone = dir.file("tone.wav")
        #expect(try runTool("/usr/bin/ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "sine=f=500:r=48000", "-t", "0.5", tone]).status == 0)
        try s.importAudio(path: tone, lane: .music, atSeconds: 0)
        #expect(try s.mixdown().count == 48_000)
        #expect(try runTool("/usr/bin/ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=700:r=48000", "-t", "0.5", tone]).status == 0)
        let before = s.project
        do {
            _ = try s.mixdown()
            Issue.record("a changed file was mixed")
        } catch {
            #expect(error.localizedDescription == "\(tone) changed since it was added to the project; add it again to use the new content")
        }
        #expect(s.project == before)
    }

    @Test func testSoundEditsUndoAndRedoThroughTheJournalAndSurviveReopening() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("a.kino"), shots: [("a quiet room", 2)], size: "160x90")
        let start = s.project
        let bed = try s.addMusicBed(seed: 1, atSeconds: 0.5, length: 1)
        try s.apply { try $0.updatingAudioClip(bed.id) { $0.gainDB = -9 } }
        try s.apply { try $0.updatingAudioLane(.music) { $0.solo = true } }
        let done = s.project
        s.close()
        let again = try ProjectSession.open(at: dir.file("a.kino"))
        #expect(again.project == done)
        while try again.undo() != nil {}
        #expect(again.project.audio == start.audio)
        while try again.redo() != nil {}
        #expect(again.project == done)
    }

    @Test func testAudioOnlyWritesTheMixOrOneStemPerLane() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("a.kino"), shots: [("a quiet room", 1)], size: "160x90")
        _ = try s.addMusicBed(seed: 2, atSeconds: 0, length: 1)
        #expect(try s.exportSound(to: dir.file("mix.flac")) == [dir.file("mix.flac")])
        let stems = try s.exportSound(to: dir.file("stems.wav"), stems: true)
        #expect(stems == AudioLaneKind.allCases.map { dir.file("stems-\($0.rawValue).wav") })
        for f in stems + [dir.file("mix.flac")] {
            let (_, n) = try runTool("/usr/bin/ffprobe", ["-v", "error", "-count_packets", "-show_entries", "stream=duration_ts,sample_rate", "-of", "csv=p=0", f])
            #expect(n.hasPrefix("48000,48000"), "\(f): \(n)")
        }
        #expect(try decodedLeft(dir.file("stems-music.wav"), dir: dir) == (try decodedLeft(dir.file("mix.flac"), dir: dir)))
    }
}
