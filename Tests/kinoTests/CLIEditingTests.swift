import Foundation
import Testing

@Suite struct CLIEditingTests {
    struct Info: Decodable {
        struct Named: Decodable, Equatable { let id: String; let name: String }
        struct Rational: Decodable, Equatable { let numerator: Int; let denominator: Int }
        struct Size: Decodable, Equatable { let width: Int; let height: Int }
        struct Shot: Decodable { let id: String; let prompt: String; let frames: Int; let seed: UInt64; let scene: Named; let camera: String; let cast: [Named]; let lighting: Named? }
        struct Scene: Decodable { let id: String; let name: String; let shots: [String] }
        let name: String, fps: Double, fpsRational: Rational, resolution: Size, frames: Int, shots: [Shot], scenes: [Scene], undoable: Int, redoable: Int
    }

    func info(_ path: String) throws -> Info {
        let r = try CLI.run(["info", path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(Info.self, from: Data(r.stdout.utf8))
    }

    @Test func testDemoIsTheThirtySecondExplainerInThreeScenes() throws {
        let dir = Scratch()
        let r = try CLI.run(["demo", dir.file("d.kino")])   // stdout is not a TTY: prints the summary
        #expect(r.status == 0)
        #expect(r.stdout.contains("Product explainer"))
        let i = try info(dir.file("d.kino"))
        #expect(i.scenes.count == 3)
        #expect(i.frames == 30 * 24)
        #expect(i.shots.count == 5)
        #expect(i.shots[1].camera == "orbit")
        #expect(i.shots[2...].allSatisfy { $0.cast.map(\.name) == ["Maya"] && $0.cast[0].id.hasPrefix("ch") })
        #expect(i.undoable == 0)
    }

    @Test func testEditVerbsUndoAndRedoAcrossProcesses() throws {
        let dir = Scratch()
        let p = dir.file("e.kino")
        #expect(try CLI.run(["new", p, "--fps", "23.976", "--size", "640x360"]).status == 0)
        #expect(try CLI.run(["scene", "add", p, "--name", "Street", "--environment", "city street at night"]).status == 0)
        #expect(try CLI.run(["lighting", "add", p, "--name", "Night", "--time-of-day", "night", "--temperature", "4000"]).status == 0)
        #expect(try CLI.run(["character", "add", p, "--name", "Ivo", "--description", "a tall man with a green coat"]).status == 0)
        let add = try CLI.run(["shot", "add", p, "--scene", "Street", "--prompt", "Ivo walking", "--duration", "2", "--character", "Ivo", "--lighting", "Night"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try CLI.run(["shot", "add", p, "--scene", "1", "--prompt", "a car", "--duration", "00:00:01:12", "--seed", "42"]).status == 0)
        var i = try info(p)
        #expect(abs(i.fps - 24000.0 / 1001) < 1e-9 && i.fpsRational == .init(numerator: 24000, denominator: 1001))
        #expect(i.resolution == .init(width: 640, height: 360))
        #expect(i.shots[0].scene.name == "Street" && i.shots[0].lighting?.name == "Night" && i.shots[0].lighting?.id.hasPrefix("lt") == true)
        #expect(i.shots.map(\.frames) == [48, 36])
        #expect(i.shots[1].seed == 42)
        #expect(try CLI.run(["shot", "set", p, "1", "--prompt", "Ivo running", "--seed", "7"]).status == 0)
        #expect(try CLI.run(["shot", "move", p, i.shots[1].id, "--to", "1"]).status == 0)
        #expect(try CLI.run(["camera", "preset", p, "--shot", "2", "orbit"]).status == 0)
        i = try info(p)
        #expect(i.shots[1].prompt == "Ivo running")
        #expect(i.shots[0].prompt == "a car")
        #expect(i.shots[1].camera == "orbit")
        let undone = i.undoable
        // Undo everything, then redo everything, each in its own process.
        for _ in 0..<3 { #expect(try CLI.run(["undo", p]).status == 0) }
        i = try info(p)
        #expect(i.shots[0].prompt == "Ivo walking")
        #expect(i.redoable == 3)
        for _ in 0..<3 { #expect(try CLI.run(["redo", p]).status == 0) }
        i = try info(p)
        #expect(i.undoable == undone)
        #expect(i.shots[1].prompt == "Ivo running")
        #expect(try CLI.run(["shot", "remove", p, "2"]).status == 0)
        #expect(try info(p).shots.count == 1)
        #expect(try CLI.run(["undo", p]).status == 0)
        #expect(try info(p).shots.count == 2)
    }

    @Test func testCameraShowSamplesEveryFrame() throws {
        let dir = Scratch()
        let p = dir.file("c.kino")
        try CLI.run(["demo", p, "--no-edit"])
        #expect(try CLI.run(["camera", "key", p, "--shot", "1", "--time", "0", "--position", "0,1.6,6", "--target", "0,1,0"]).status == 0)
        #expect(try CLI.run(["camera", "key", p, "--shot", "1", "--time", "2", "--position", "2,1.6,6", "--interp", "linear"]).status == 0)
        let r = try CLI.run(["camera", "show", p, "--shot", "1", "--json"])
        #expect(r.status == 0)
        struct Out: Decodable { struct S: Decodable { let frame: Int; let position: [Double] }; let frames: Int; let samples: [S] }
        let out = try JSONDecoder().decode(Out.self, from: Data(r.stdout.utf8))
        #expect(out.samples.count == out.frames)
        #expect(abs(out.samples[48].position[0] - 2) < 1e-9)
    }

    @Test func testBatchAcknowledgesEachSavedLine() throws {
        let dir = Scratch()
        let p = dir.file("b.kino")
        try CLI.run(["demo", p, "--no-edit"])
        let script = """
        shot set 1 --prompt "first change"
        # a comment
        shot set 2 --seed 99
        shot set 9 --prompt nope
        undo
        """
        let r = try CLI.run(["batch", p], stdin: script)
        #expect(r.status == 1)
        #expect(r.stdout.contains("ok 1"))
        #expect(r.stdout.contains("ok 3"))
        #expect(!r.stdout.contains("ok 4"))
        #expect(r.stdout.contains("ok 5"))
        #expect(r.stderr.contains("shot 9 does not exist"))
    }
}
