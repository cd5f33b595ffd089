import Foundation
import Testing

@Suite struct CLIGenerationTests {
    @Test func testTwoProcessesOnTwoCopiesRenderBitIdenticalFrames() throws {
        let dir = Scratch()
        let a = dir.file("a.kino")
        #expect(try CLI.run(["new", a, "--size", "320x180"]).status == 0)
        #expect(try CLI.run(["scene", "add", a, "--name", "S", "--environment", "busy city street at night"]).status == 0)
        #expect(try CLI.run(["character", "add", a, "--name", "Lu", "--description", "a short man with curly grey hair in a yellow raincoat"]).status == 0)
        #expect(try CLI.run(["shot", "add", a, "--scene", "S", "--prompt", "Lu walking in the rain, camera following from behind", "--duration", "1", "--character", "Lu"]).status == 0)
        try FileManager.default.copyItem(atPath: a, toPath: dir.file("b.kino"))
        let ra = try CLI.run(["render", a, "--shot", "1", "--out", dir.file("fa")])
        let rb = try CLI.run(["render", dir.file("b.kino"), "--shot", "1", "--out", dir.file("fb")])
        #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr) \(rb.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.file("fa")).sorted()
        #expect(names.count == 24)
        for n in names {
            #expect(bytes(dir.file("fa/\(n)")) == bytes(dir.file("fb/\(n)")), "\(n) differs between the two processes")
        }
        // The frames are not all alike (the scene moves).
        #expect(bytes(dir.file("fa/\(names[0])")) != bytes(dir.file("fa/\(names[23])")))
    }

    @Test func testRefineTakesAndUndoFromTheCommandLine() throws {
        let dir = Scratch()
        let p = dir.file("r.kino")
        #expect(try CLI.run(["new", p, "--size", "320x180"]).status == 0)
        #expect(try CLI.run(["scene", "add", p, "--name", "S", "--environment", "park"]).status == 0)
        #expect(try CLI.run(["shot", "add", p, "--scene", "S", "--prompt", "a child running in a park", "--duration", "2"]).status == 0)
        #expect(try CLI.run(["render", p, "--shot", "1"]).status == 0)
        let refine = try CLI.run(["refine", p, "--shot", "1", "--from", "1.5", "--seed", "77"])
        #expect(refine.status == 0, "\(refine.stderr)")
        let takes = try CLI.run(["takes", p, "--shot", "1", "--json"])
        struct T: Decodable { let id: String; let current: Bool; let lineage: String }
        let list = try JSONDecoder().decode([T].self, from: Data(takes.stdout.utf8))
        #expect(list.count == 2)
        #expect(list[1].current && list[1].lineage.hasPrefix("refined from \(list[0].id) at frame 36"))
        #expect(try CLI.run(["takes", p, "--shot", "1", "--use", "1"]).status == 0)
        let after = try JSONDecoder().decode([T].self, from: Data(try CLI.run(["takes", p, "--shot", "1", "--json"]).stdout.utf8))
        #expect(after[0].current)
        #expect(try CLI.run(["undo", p]).status == 0)
        let undone = try JSONDecoder().decode([T].self, from: Data(try CLI.run(["takes", p, "--shot", "1", "--json"]).stdout.utf8))
        #expect(undone[1].current)
        let bad = try CLI.run(["refine", p, "--shot", "1", "--from", "5"])
        #expect(bad.status != 0 && bad.stderr.split(separator: "\n").count == 1)
        let frame = try CLI.run(["frame", p, "--shot", "1", "--time", "1", "-o", dir.file("f.png")])
        #expect(frame.status == 0, "\(frame.stderr)")
        #expect(bytes(dir.file("f.png")).starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func testCorruptOrForeignReferenceImagesAreRefused() throws {
        let dir = Scratch()
        let p = dir.file("c.kino")
        try CLI.run(["demo", p, "--no-edit"])
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        png.append(Data(repeating: 0xAB, count: 64))
        FileManager.default.createFile(atPath: dir.file("broken.png"), contents: png)
        try "not a picture".write(toFile: dir.file("note.jpg"), atomically: true, encoding: .utf8)
        let before = bytes(p)
        for file in ["broken.png", "note.jpg"] {
            let r = try CLI.run(["character", "add", p, "--name", "X", "--reference", dir.file(file)])
            #expect(r.status != 0)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stderr.contains(file))
        }
        #expect(bytes(p) == before)
        // A real reference is accepted and its colours shape the look.
        #expect(shell("ffmpeg -v error -f lavfi -i color=c=0x20c040:size=64x64 -frames:v 1 \(dir.file("green.png"))") == 0)
        let ok = try CLI.run(["character", "add", p, "--name", "Gia", "--description", "a woman", "--reference", dir.file("green.png")])
        #expect(ok.status == 0, "\(ok.stderr)")
    }
}
