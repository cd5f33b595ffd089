import Foundation
import KinoCore
import KinoKit
import Testing

/// The verb table: every verb resolves, every argument kind parses its syntax and refuses bad
/// input with one line, and a refused verb leaves the project file unchanged.
@Suite struct VerbTableTests {
    func fixture() throws -> (TempFolder, ProjectSession) {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("v.kino"), shots: [("Ana walking", 2), ("a car", 3)])
        return (dir, s)
    }

    func resolve(_ line: String, _ s: ProjectSession, context: VerbContext? = nil) throws -> ResolvedVerb {
        try Verbs.resolve(line: try Verbs.words(line), in: s.project, context: context)
    }

    @Test func everyVerbHasAUniqueNameADocAndArgumentsWithHelp() {
        var seen: Set<String> = []
        for v in Verbs.all {
            for n in [v.name] + v.aliases { #expect(seen.insert(n).inserted, "\(n) is named twice") }
            #expect(!v.doc.isEmpty && !v.doc.contains("\n"), "\(v.name)")
            for a in v.arguments { #expect(!a.help.isEmpty, "\(v.name) --\(a.name)") }
            #expect(Verbs.named(v.name)?.name == v.name)
        }
    }

    @Test func eachArgumentKindParsesItsSyntax() throws {
        let (_, s) = try fixture()
        let shot = s.project.shots[1]   // 3 s at 24 fps = 72 frames
        var r = try resolve("refine --shot 2 -1 00:00:02:12 --seed 42 --prompt \"dusk falls\" --full", s)
        #expect(r.arguments.shot() == shot.id)
        #expect(r.arguments.frames("from") == 48)       // negative counts from the end
        #expect(r.arguments.frames("to") == 60)         // timecode
        #expect(r.arguments.seed("seed") == 42)
        #expect(r.arguments.text("prompt") == "dusk falls")
        #expect(r.arguments.flag("full"))
        r = try resolve("camera key --shot sh5 1.5 0,1.6,6 --fov 40 --interp ease-in", s)
        #expect(r.arguments.vector("position") == Vec3(0, 1.6, 6))
        #expect(r.arguments.number("fov") == 40)
        #expect(r.arguments.text("interp") == "ease-in")
        r = try resolve("shot add --scene main 2.5 a dog runs --character Ana --lighting key --position 1", s)
        #expect(r.arguments.frames("duration") == 60 && r.arguments.text("prompt") == "a dog runs")
        #expect(r.arguments.characters("character") == [s.project.characters[0].id])
        #expect(r.arguments.lighting() == .some(s.project.lightingSetups[0].id))
        #expect(r.arguments.integer("position") == 1)
        r = try resolve("shot set --shot 1 --lighting none --character none", s)
        #expect(r.arguments.lighting() == .some(nil) && r.arguments.characters("character") == [])
        r = try resolve("export out.mkv --range 0:01-2 --crf 20", s)
        #expect(r.arguments.range("range") == 24..<48 && r.arguments.integer("crf") == 20)
    }

    @Test func badInputIsOneLineAndChangesNothing() throws {
        let (dir, s) = try fixture()
        let path = dir.file("v.kino")
        s.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let session = try ProjectSession.open(at: path)
        defer { session.close() }
        let done = session.historyCounts.done
        let bad: [(String, String)] = [
            ("shot set --shot 1 --seed 0x10", "seed '0x10' is not valid"),
            ("shot set --shot 1 --duration 1e400", "duration '1e400' is not valid"),
            ("shot set --shot 1 --duration nan", "duration 'nan' is not valid"),
            ("shot set --shot 1 --duration 0x10", "duration '0x10' is not valid"),
            ("camera key --shot 1 --time 0x1 --position 0,1,5", "time '0x1' is not valid"),
            ("camera key --shot 1 --time 9 --position 0,1,5", "out of range"),
            ("camera key --shot 1 --time 1 --position 0,1", "vector '0,1' is not valid"),
            ("camera key --shot 1 --time 1 --position 0,1,5 --fov 400", "fov 400 is out of range"),
            ("refine --shot 1 -9", "out of range"),
            ("shot set --shot 1", "shot set needs at least one of --prompt"),
            ("shot set --shot 9 --prompt x", "shot 9 does not exist"),
            ("shot set --shot 1 --camera wobble", "expected one of static"),
            ("shot set --shot 1 --colour red", "shot set has no argument --colour"),
            ("shot set --shot 1 --prompt a --prompt b", "--prompt is given more than once"),
            ("shot move --shot 1 --to 7", "position 7 is out of range"),
            ("lighting add --name x --temperature 99999", "temperature 99999 is out of range"),
            ("lighting add --name x --weather snow", "expected one of clear, rain, fog"),
            ("export x.avi", "cannot export to a .avi file"),
            ("export x.mkv --codec prores", "--codec prores writes a .mov file, not x.mkv; name it x.mov"),
            ("export x.mp4 --codec png", "--codec png writes a folder of PNG frames, not x.mp4; give a folder name such as x"),
            ("export \(dir.path)/missing/x.mp4", "does not exist; create it first"),
            ("frame --shot 1 --time 0 \(dir.path)/f.jpg", "frame writes PNG images, not"),
            ("shto add", "unknown command 'shto'; did you mean 'shot add'?"),
            ("rendr", "unknown command 'rendr'; did you mean 'render'?"),
            ("character remove Ana", "character 'Ana' is used by"),
            ("lighting remove key", "lighting setup 'key' is used by"),
            ("shot uncast --shot 2 Ana", "a character cast in shot"),
            ("take --shot 1 1", "no complete takes yet"),
        ]
        for (line, phrase) in bad {
            do {
                let r = try Verbs.resolve(line: try Verbs.words(line), in: session.project)
                _ = try r.perform(on: session)
                Issue.record("\(line) was accepted")
            } catch {
                let text = error.localizedDescription
                #expect(text.contains(phrase), "\(line): \(text)")
                #expect(!text.contains("\n"), "\(line): more than one line")
            }
        }
        #expect(session.historyCounts.done == done)
        session.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "a refused verb changed the file")
    }

    @Test func checkedNumbersAcceptPlainDecimalsOnly() throws {
        #expect(try CheckedNumber.decimal("2.5", field: "x", range: 0...10) == 2.5)
        #expect(try CheckedNumber.decimal("-1e1", field: "x", range: -20...10) == -10)
        for t in ["0x10", "inf", "nan", "1e400", "", "1.2.3", "+-1", "1e"] {
            #expect(throws: ValidationError.self, "\(t)") { try CheckedNumber.decimal(t, field: "x", range: -1e9...1e9) }
        }
        #expect(throws: ValidationError.self) { try CheckedNumber.whole("0x10", field: "n", range: 0...100) }
        #expect(throws: ValidationError.self) { try CheckedNumber.seed("-1") }
        #expect(try CheckedNumber.time("00:00:01:12", rate: .fps24) == 36)
    }

    @Test func editVerbsRecordOneUndoableEditEach() throws {
        let (_, s) = try fixture()
        let shot = s.project.shots[1].id
        let ana = s.project.characters[0].id
        _ = try resolve("shot cast --shot 2 Ana", s).perform(on: s)
        #expect(s.project.shot(shot)?.cast.map(\.characterID) == [ana])
        _ = try resolve("shot uncast --shot 2 Ana", s).perform(on: s)
        #expect(s.project.shot(shot)?.cast.isEmpty == true)
        _ = try resolve("camera key --shot 2 1 0,1,5", s).perform(on: s)
        #expect(s.project.shot(shot)?.camera[.positionZ].keyIndex(atFrame: 24) != nil)
        _ = try resolve("camera unkey --shot 2 1", s).perform(on: s)
        #expect(s.project.shot(shot)?.camera[.positionZ].keyIndex(atFrame: 24) == nil)
        _ = try resolve("character add Bo a short man", s).perform(on: s)
        _ = try resolve("character remove Bo", s).perform(on: s)
        #expect(s.project.characters.map(\.name) == ["Ana"])
        _ = try resolve("lighting add dusk --time-of-day sunset", s).perform(on: s)
        #expect(s.project.lightingSetups.last?.timeOfDay == .sunset)
        _ = try resolve("lighting remove dusk", s).perform(on: s)
        #expect(s.project.lightingSetups.count == 1)
        #expect(s.historyCounts.done == 13)   // 5 setup edits + 8 here
        _ = try resolve("undo", s).perform(on: s)
        #expect(s.project.lightingSetups.map(\.name) == ["key", "dusk"])
    }

    @Test func theSelectionFillsShotSceneAndPositionInTheEditor() throws {
        let (_, s) = try fixture()
        let second = s.project.shots[1].id
        let ctx = VerbContext(selectedShot: second)
        let r = try resolve("extend 1 a new look", s, context: ctx)
        #expect(r.arguments.shot() == second && r.arguments.frames("seconds") == 24 && r.arguments.text("prompt") == "a new look")
        let add = try resolve("shot add a dog", s, context: ctx)
        #expect(add.arguments.integer("position") == 3 && add.arguments.text("prompt") == "a dog" && add.arguments.frames("duration") == nil)
        #expect(throws: VerbError.self) { try resolve("extend 1", s, context: VerbContext()) }
        #expect(throws: VerbError.self) { try resolve("extend 1", s) }   // the CLI has no selection
    }

    @Test func exportCodecComesFromTheNameByOneRule() throws {
        #expect(try ExportDestination.codec(for: "a.mp4") == .h264)
        #expect(try ExportDestination.codec(for: "a.mov") == .prores)
        #expect(try ExportDestination.codec(for: "a.mkv") == .ffv1)
        #expect(try ExportDestination.codec(for: "frames") == .png)
        #expect(try ExportDestination.codec(for: "a.mov", requested: .prores) == .prores)
        #expect(throws: ExportDestination.Refusal.self) { try ExportDestination.codec(for: "a.mov", requested: .h264) }
    }

    @Test func completionOffersVerbsArgumentsAndValues() throws {
        let (_, s) = try fixture()
        #expect(Verbs.completions(for: "ref", in: s.project) == ["refine"])
        #expect(Verbs.completions(for: "shot c", in: s.project) == ["shot cast"])
        #expect(Verbs.completions(for: "shot set --cam", in: s.project) == ["shot set --camera"])
        #expect(Verbs.completions(for: "shot set --camera or", in: s.project) == ["shot set --camera orbit"])
        #expect(Verbs.completions(for: "shot cast A", in: s.project) == ["shot cast Ana"])
    }
}

/// Extending or refining with new words keeps the shot's prompt; the words live in the take.
@Suite(.serialized) struct SegmentPromptTests {
    @Test func extendAndRefineWithAPromptKeepTheShotsPrompt() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("p.kino"), shots: [("a red ball on a table", 1)])
        let shot = s.project.shots[0].id
        let extended = try s.extend(shot: shot, frames: 12, prompt: "the ball rolls away", quality: .preview)
        #expect(s.project.shot(shot)?.prompt == "a red ball on a table")
        #expect(extended.prompt == "the ball rolls away")
        #expect(s.renderState(of: shot) == .rendered, "the extended take must be current for the shot's own inputs")
        let refined = try s.refine(shot: shot, fromFrame: 6, prompt: "a blue ball", quality: .preview)
        #expect(s.project.shot(shot)?.prompt == "a red ball on a table")
        #expect(refined.prompt == "a blue ball")
        #expect(s.renderState(of: shot) == .rendered)
        // A later render reuses the take instead of redrawing the whole shot with other words.
        #expect(try s.render(shot: shot, quality: .preview).id == refined.id)
        let list = s.takeList(of: shot)
        #expect(list.complete.map(\.prompt) == ["a red ball on a table", "the ball rolls away", "a blue ball"])
        #expect(try list.take("2").id == extended.id && list.number(of: refined.id) == 3)
    }
}
