import Foundation
import Testing

/// The sound verbs through the real executable: voice lines with their spoken length, music,
/// lanes and ducking, the JSON list, one-line refusals that leave the file alone, exports.
@Suite struct CLISoundTests {
    func project(_ dir: Scratch) throws -> String {
        let p = dir.file("s.kino")
        #expect(try CLI.run(["new", p, "--size", "160x90"]).status == 0)
        #expect(try CLI.run(["scene", "add", p, "--name", "S", "--environment", "park"]).status == 0)
        #expect(try CLI.run(["shot", "add", p, "--scene", "S", "--prompt", "a quiet park", "--duration", "3"]).status == 0)
        return p
    }

    func refused(_ args: [String], _ phrase: String, unchanged path: String) throws {
        let before = bytes(path)
        let r = try CLI.run(args)
        #expect(r.status != 0, "\(args) was accepted")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(phrase), "\(args): \(r.stderr)")
        #expect(bytes(path) == before, "\(args) changed the project file")
    }

    struct Summary: Decodable {
        struct Lane: Decodable { let lane: String; let mute: Bool; let clips: [Clip] }
        struct Clip: Decodable { let id: String; let startSeconds: Double; let lengthSeconds: Double; let gainDB: Double }
        let lanes: [Lane]
    }

    @Test func testVoiceMusicLanesAndExportThroughTheCommandLine() throws {
        let dir = Scratch()
        let p = try project(dir)
        let measured = try CLI.run(["voice", "measure", p, "--text", "Hello from the park."])
        #expect(measured.status == 0 && measured.stdout.hasSuffix("s spoken\n"), "\(measured.stdout)\(measured.stderr)")
        let added = try CLI.run(["voice", "add", p, "--text", "Hello from the park.", "--at", "0.5"])
        #expect(added.status == 0 && added.stdout.contains("s spoken, at 0.5 s"), "\(added.stdout)\(added.stderr)")
        #expect(added.stdout.contains(measured.stdout.replacingOccurrences(of: " spoken\n", with: "")), "the placed line is as long as measured")
        #expect(try CLI.run(["music", "add", p, "--gain", "-18"]).status == 0)
        #expect(try CLI.run(["audio", "lane", p, "music", "--mute", "on"]).status == 0)
        let json = try CLI.run(["audio", "list", p, "--json"])
        let summary = try JSONDecoder().decode(Summary.self, from: Data(json.stdout.utf8))
        let music = try #require(summary.lanes.first { $0.lane == "music" })
        #expect(music.mute && music.clips.count == 1 && music.clips[0].lengthSeconds == 3 && music.clips[0].gainDB == -18)
        let voice = try #require(summary.lanes.first { $0.lane == "voice" }?.clips.first)
        #expect(voice.startSeconds == 0.5)

        try refused(["audio", "set", p, voice.id, "--gain", "nan"], "gain", unchanged: p)
        try refused(["audio", "set", p, voice.id, "--gain", "400"], "out of range", unchanged: p)
        try refused(["audio", "set", p, voice.id, "--fade-in", "60"], "longer than the clip", unchanged: p)
        try refused(["audio", "set", p, voice.id, "--at", "5"], "past the end", unchanged: p)
        try refused(["voice", "add", p, "--text", "hallo", "--voice", "xx-nowhere"], "has no voice 'xx-nowhere'", unchanged: p)
        try refused(["audio", "add", p, dir.file("missing.wav")], "does not exist", unchanged: p)
        try refused(["audio", "remove", p, "au99"], "does not exist", unchanged: p)

        #expect(try CLI.run(["audio", "lane", p, "music", "--mute", "off"]).status == 0)
        let out = dir.file("park.mp4")
        let exported = try CLI.run(["export", p, "-o", out, "--preset", "ultrafast", "--loudness", "-16"])
        #expect(exported.status == 0 && exported.stdout.contains("sound 144000 samples at 48 kHz"), "\(exported.stdout)\(exported.stderr)")
        let stems = try CLI.run(["audio", "export", p, "-o", dir.file("park.wav"), "--stems"])
        #expect(stems.status == 0, "\(stems.stderr)")
        for lane in ["voice", "music", "effects", "picture"] { #expect(FileManager.default.fileExists(atPath: dir.file("park-\(lane).wav"))) }
        #expect(try CLI.run(["undo", p]).status == 0)
    }
}
