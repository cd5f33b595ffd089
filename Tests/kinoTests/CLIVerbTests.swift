import Foundation
import Testing

/// The CLI front of the verb table, through the real executable: parity verbs, the export
/// codec rule and its refusals, help for unknown commands, batch lines, typed JSON.
@Suite struct CLIVerbTests {
    func project(_ dir: Scratch) throws -> String {
        let p = dir.file("v.kino")
        #expect(try CLI.run(["new", p, "--size", "320x180"]).status == 0)
        #expect(try CLI.run(["scene", "add", p, "--name", "S", "--environment", "park"]).status == 0)
        #expect(try CLI.run(["character", "add", p, "--name", "Ivo", "--description", "a tall man in a green coat"]).status == 0)
        #expect(try CLI.run(["lighting", "add", p, "--name", "Dusk", "--time-of-day", "sunset"]).status == 0)
        #expect(try CLI.run(["shot", "add", p, "--scene", "S", "--prompt", "Ivo walking", "--duration", "1"]).status == 0)
        return p
    }

    func refused(_ args: [String], _ phrase: String, unchanged path: String) throws {
        let before = bytes(path)
        let r = try CLI.run(args)
        #expect(r.status != 0, "\(args) was accepted")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(phrase), "\(args): \(r.stderr)")
        #expect(bytes(path) == before, "\(args) changed the project file")
    }

    struct Info: Decodable {
        struct Named: Decodable { let id: String; let name: String }
        struct Shot: Decodable { let id: String; let cast: [Named]; let camera: String }
        let shots: [Shot]; let characters: [Named]; let lighting: [Named]
    }
    func info(_ p: String) throws -> Info { try JSONDecoder().decode(Info.self, from: Data(try CLI.run(["info", p, "--json"]).stdout.utf8)) }

    @Test func castUncastRemoveCharacterAndLightingAndDeleteACameraKey() throws {
        let dir = Scratch()
        let p = try project(dir)
        let cast = try CLI.run(["shot", "cast", p, "1", "--character", "Ivo"])
        #expect(cast.status == 0, "\(cast.stderr)")
        #expect(try info(p).shots[0].cast.map(\.name) == ["Ivo"])
        try refused(["character", "remove", p, "Ivo"], "is used by", unchanged: p)
        #expect(try CLI.run(["shot", "uncast", p, "1", "--character", "Ivo"]).status == 0)
        #expect(try CLI.run(["character", "remove", p, "Ivo"]).status == 0)
        #expect(try CLI.run(["lighting", "remove", p, "Dusk"]).status == 0)
        var i = try info(p)
        #expect(i.characters.isEmpty && i.lighting.isEmpty && i.shots[0].cast.isEmpty)
        #expect(try CLI.run(["camera", "key", p, "--shot", "1", "--time", "-0.5", "--position", "0,1,5"]).status == 0)
        try refused(["camera", "unkey", p, "--shot", "1", "--time", "0.25"], "no key at frame 6", unchanged: p)
        #expect(try CLI.run(["camera", "unkey", p, "--shot", "1", "--time", "0.5"]).status == 0)
        // Undo brings the key, then the setup, back.
        #expect(try CLI.run(["undo", p]).status == 0)
        let one = try CLI.run(["camera", "delete-key", p, "--shot", "1", "--time", "0.5", "--channel", "position.z"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(try CLI.run(["undo", p]).status == 0)
        #expect(try CLI.run(["undo", p]).status == 0)
        #expect(try CLI.run(["undo", p]).status == 0)
        i = try info(p)
        #expect(i.lighting.map(\.name) == ["Dusk"])
    }

    @Test func exportPicksTheCodecFromTheNameAndRefusesMismatchesBeforeRendering() throws {
        let dir = Scratch()
        let p = try project(dir)
        try refused(["export", p, "-o", dir.file("x.avi")], "cannot export to a .avi file", unchanged: p)
        try refused(["export", p, "-o", dir.file("x.mkv"), "--codec", "prores"], "name it \(dir.file("x.mov"))", unchanged: p)
        try refused(["export", p, "-o", dir.file("x.mp4"), "--codec", "png"], "give a folder name such as \(dir.file("x"))", unchanged: p)
        try refused(["export", p, "-o", dir.file("no/such/x.mp4")], "folder \(dir.file("no/such")) does not exist", unchanged: p)
        #expect(!FileManager.default.fileExists(atPath: dir.file("v.kino-cache")), "a refused export rendered frames")
        try refused(["frame", p, "--shot", "1", "--time", "0", "-o", dir.file("f.jpg")], "name the file \(dir.file("f.png"))", unchanged: p)
        let mov = try CLI.run(["export", p, "-o", dir.file("x.mov")])
        #expect(mov.status == 0, "\(mov.stderr)")
        #expect(mov.stdout.contains("prores"), "\(mov.stdout)")
    }

    @Test func unknownCommandsSuggestTheNearestAndHelpRefusesThem() throws {
        var r = try CLI.run(["rendr"])
        #expect(r.status != 0 && r.stderr == "kino: unknown command 'rendr'; did you mean 'render'?\n", "\(r.stderr)")
        r = try CLI.run(["shot", "ad"])
        #expect(r.status != 0 && r.stderr.contains("unknown command 'shot ad'; did you mean 'shot add'?"), "\(r.stderr)")
        r = try CLI.run(["help", "frobnicate"])
        #expect(r.status != 0 && r.stderr.contains("unknown command 'frobnicate'"), "\(r.stderr)")
        r = try CLI.run(["help", "export"])
        #expect(r.status == 0 && r.stdout.contains("--codec <codec>") && r.stdout.contains("h264, prores, ffv1, png"), "\(r.stdout)")
    }

    @Test func batchStreamsLinesAndABadLineFailsOnlyThatLine() throws {
        let dir = Scratch()
        let p = try project(dir)
        let r = try CLI.run(["batch", p], stdin: "shot set 1 --seed 0x10\nbogus\nshot set 1 --prompt \"it rains\"\nedit\nshot cast 1 --character Ivo\n")
        #expect(r.status == 1)
        #expect(r.stdout.contains("ok 3") && r.stdout.contains("ok 5") && !r.stdout.contains("ok 1") && !r.stdout.contains("ok 4"), "\(r.stdout)")
        #expect(r.stderr.contains("error 1: seed '0x10' is not valid"), "\(r.stderr)")
        #expect(r.stderr.contains("error 2: unknown command 'bogus'"), "\(r.stderr)")
        #expect(r.stderr.contains("error 4: 'edit' cannot run inside kino batch"), "\(r.stderr)")
        #expect(try info(p).shots[0].cast.map(\.name) == ["Ivo"])
    }

    @Test func cameraShowJSONHasThePresetAndTypedRate() throws {
        let dir = Scratch()
        let p = try project(dir)
        struct Show: Decodable {
            struct R: Decodable { let numerator: Int; let denominator: Int }
            let preset: String; let fps: Double; let fpsRational: R
        }
        var show = try JSONDecoder().decode(Show.self, from: Data(try CLI.run(["camera", "show", p, "--shot", "1", "--json"]).stdout.utf8))
        #expect(show.preset == "from prompt" && show.fps == 24 && show.fpsRational.numerator == 24)
        #expect(try CLI.run(["camera", "preset", p, "--shot", "1", "orbit"]).status == 0)
        show = try JSONDecoder().decode(Show.self, from: Data(try CLI.run(["camera", "show", p, "--shot", "1", "--json"]).stdout.utf8))
        #expect(show.preset == "orbit")
        let bad = try CLI.run(["camera", "preset", p, "--shot", "1", "wobble"])
        #expect(bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("orbit"), "\(bad.stderr)")
    }

    @Test func extendWithAPromptKeepsTheShotsPromptAndTakesShowTheNewWords() throws {
        let dir = Scratch()
        let p = try project(dir)
        let r = try CLI.run(["extend", p, "--shot", "1", "--seconds", "0.5", "--prompt", "Ivo sits down"])
        #expect(r.status == 0, "\(r.stderr)")
        struct T: Decodable { let number: Int?; let prompt: String; let frames: Int; let status: String }
        let takes = try JSONDecoder().decode([T].self, from: Data(try CLI.run(["takes", p, "--shot", "1", "--json"]).stdout.utf8))
        #expect(takes.map(\.number) == [1, 2] && takes.map(\.prompt) == ["Ivo walking", "Ivo sits down"])
        struct I: Decodable { struct S: Decodable { let prompt: String; let renderState: String }; let shots: [S] }
        let i = try JSONDecoder().decode(I.self, from: Data(try CLI.run(["info", p, "--json"]).stdout.utf8))
        #expect(i.shots[0].prompt == "Ivo walking" && i.shots[0].renderState == "rendered")
    }
}
