import Foundation
import KinoCore
import Testing
@testable import KinoEngine

private func read(_ prompt: String, characters: [Character] = [], environment: String = "",
                  lighting: LightingSetup? = nil) -> SceneSpec {
    PromptInterpreter.interpret(prompt: prompt, characters: characters, sceneEnvironment: environment, lighting: lighting)
}

private func character(_ id: String, _ name: String) -> Character {
    Character(id: CharacterID(raw: id), name: name, description: "",
              appearance: Appearance(skin: RGB(200, 160, 130), hair: RGB(40, 30, 20), top: RGB(10, 10, 10),
                                     bottom: RGB(30, 30, 30), height: 1.7, build: .average, hairStyle: .short, faceSeed: 1))
}

@Suite struct PromptInterpreterTests {
    @Test func cityStreetAtNightWithNeonSignsIsTheNeonCity() {
        let s = read("A city street at night with neon signs")
        #expect(s.environment == .cityNight)
        #expect(s.timeOfDay == .night)
        #expect(s.neonSigns)
        #expect(s.report.understood == ["city street", "at night", "neon signs"])
        #expect(s.report.ignored.isEmpty)
    }

    @Test func eachEnvironmentPhraseSetsItsPlace() {
        let cases: [(String, SceneSpec.Environment)] = [
            ("a daytime street", .street), ("the living room", .livingRoom), ("in a kitchen", .kitchen),
            ("an office", .office), ("on a white studio surface", .studio), ("a tabletop", .studio),
            ("in the park", .park), ("neon", .cityNight), ("a sofa", .livingRoom),
        ]
        for (prompt, env) in cases { #expect(read(prompt).environment == env, "\(prompt)") }
        #expect(read("a daytime street").timeOfDay == .noon)
    }

    @Test func streetBecomesCityNightWhenTheLightingIsNight() {
        let night = LightingSetup(id: "lt1", name: "night", timeOfDay: .night, weather: .rain)
        let s = read("a woman on a street", lighting: night)
        #expect(s.environment == .cityNight)
        #expect(s.timeOfDay == .night)
        #expect(s.weather == .rain)
    }

    @Test func promptTimeAndWeatherWinOverEnvironmentTextAndLighting() {
        let noon = LightingSetup(id: "lt1", name: "day", timeOfDay: .noon, weather: .clear)
        let s = read("at sunset in the fog", environment: "a rainy kitchen in the morning", lighting: noon)
        #expect(s.timeOfDay == .sunset)
        #expect(s.weather == .fog)
        #expect(s.environment == .kitchen)
    }

    @Test func sceneEnvironmentTextSetsThePlaceWhenThePromptDoesNot() {
        let s = read("close-up of a bottle", environment: "White studio tabletop, foggy")
        #expect(s.environment == .studio)
        #expect(s.weather == .fog)
        #expect(s.report.understood.contains("white studio tabletop"))
        #expect(s.shotSize == .closeUp && s.cameraMoves.isEmpty)
    }

    @Test func womanWithRedHairInABlueCoatGetsBothColours() {
        let s = read("A woman with red hair in a blue coat walking")
        #expect(s.subjects.count == 1)
        let w = s.subjects[0]
        #expect(w.kind == .woman)
        #expect(w.hairColor == RGB(170, 70, 35))      // "red" on hair is the natural ginger tone
        #expect(w.clothesColor == RGB(35, 75, 200))   // the table's blue
        #expect(w.action == .walking)
        #expect(s.report.understood == ["woman", "red hair", "blue coat", "walking"])
    }

    @Test func coloursGoToTheRightSubject() {
        let s = read("a man in a grey suit and a blonde woman, a red car")
        #expect(s.subjects.map(\.kind) == [.man, .woman, .car])
        #expect(s.subjects[0].clothesColor == RGB(128, 128, 128))
        #expect(s.subjects[0].hairColor == nil)
        #expect(s.subjects[1].hairColor == RGB(225, 195, 125))
        #expect(s.subjects[1].clothesColor == nil)
        #expect(s.subjects[2].color == RGB(200, 30, 35))
    }

    @Test func hairDescribedBeforeThePersonBelongsToThatPerson() {
        let s = read("a man and a red-haired child in green jeans")
        #expect(s.subjects[0].hairColor == nil)
        #expect(s.subjects[1].kind == .child)
        #expect(s.subjects[1].hairColor == RGB(170, 70, 35))
        #expect(s.subjects[1].clothesColor == RGB(40, 150, 60))
    }

    @Test func darkAndLightShadeColours() {
        let s = read("a woman with dark hair in a dark blue jacket, a light blue bottle")
        #expect(s.subjects[0].hairColor == PromptVocabulary.darkHair)
        #expect(s.subjects[0].clothesColor == RGB(19, 41, 110))   // 0.55 x (35, 75, 200), rounded
        #expect(s.subjects[1].color == RGB(145, 165, 228))        // halfway to white
    }

    @Test func topGarmentColourWinsOverTrousers() {
        let s = read("a man in black trousers and a yellow hoodie")
        #expect(s.subjects[0].clothesColor == RGB(240, 210, 40))
    }

    @Test func eachSubjectWordMakesItsSubject() {
        let cases: [(String, SceneSpec.SubjectKind)] = [
            ("woman", .woman), ("man", .man), ("child", .child), ("kids", .child), ("smartphone", .smartphone),
            ("phone", .smartphone), ("product box", .productBox), ("boxes", .productBox), ("bottle", .bottle),
            ("car", .car), ("taxis", .car),
        ]
        for (word, kind) in cases { #expect(read("a \(word)").subjects.first?.kind == kind, "\(word)") }
        #expect(read("two women").subjects.first?.kind == .woman)
    }

    @Test func eachActionWordSetsTheSubjectsAction() {
        let cases: [(String, SceneSpec.Action)] = [
            ("a man walking", .walking), ("a man runs", .running), ("a man standing", .standing),
            ("a man turning", .turning), ("a phone rotating 360 degrees", .rotating), ("a box spinning", .rotating),
            ("a child waving", .waving), ("a woman sitting", .sitting), ("a woman using her phone", .usingPhone),
            ("a man on the phone", .usingPhone), ("a walking man", .walking),
        ]
        for (prompt, action) in cases {
            let s = read(prompt)
            #expect(s.subjects.count == 1, "\(prompt)")
            #expect(s.subjects.first?.action == action, "\(prompt)")
        }
        #expect(read("a woman").subjects[0].action == .standing)
    }

    @Test func numbersAndPluralsMakeSeveralSubjects() {
        let s = read("two women in red coats walking, a couple of cars, kids, 3 bottles, one phone")
        #expect(s.subjects.map(\.kind) == [.woman, .woman, .car, .car, .child, .child, .bottle, .bottle, .bottle, .smartphone])
        #expect(s.subjects[0].clothesColor == RGB(200, 30, 35) && s.subjects[1].clothesColor == RGB(200, 30, 35))
        #expect(s.subjects[0].action == .walking && s.subjects[1].action == .walking)
        #expect(s.report.ignored.isEmpty)
        #expect(read("ten cars").subjects.count == 2)       // "ten" is unknown; "cars" is plural
        #expect(read("two, then nothing").report.ignored == ["two", "nothing"])
        #expect(read("a car driving").subjects[0].action == .walking)
    }

    @Test func oneActionCoversTheSubjectsNamedBeforeIt() {
        let s = read("a man and a woman walking, a child sitting")
        #expect(s.subjects.map(\.action) == [.walking, .walking, .sitting])
    }

    @Test func eachCameraPhraseSetsItsMove() {
        let cases: [(String, SceneSpec.CameraMove)] = [
            ("camera following from behind", .followBehind), ("tracking from behind", .followBehind),
            ("camera following her from behind", .followBehind), ("orbit", .orbit), ("orbiting", .orbit),
            ("crane shot", .crane), ("boom up", .crane), ("push in", .pushIn),
            ("dolly in", .pushIn), ("pull out", .pullOut), ("pan left", .panLeft), ("pan right", .panRight),
            ("static", .still), ("locked off", .still), ("locked-off", .still), ("handheld", .handheld),
            ("hand-held", .handheld),
        ]
        for (prompt, move) in cases {
            let s = read(prompt)
            #expect(s.cameraMoves == [move], "\(prompt)")
            #expect(s.report.ignored.isEmpty, "\(prompt)")
        }
    }

    @Test func shotSizeAndAngleWordsSetTheFraming() {
        let sizes: [(String, SceneSpec.ShotSize)] = [
            ("extreme close-up", .extremeCloseUp), ("macro", .extremeCloseUp), ("close-up", .closeUp), ("closeup", .closeUp),
            ("medium shot", .medium), ("medium wide shot", .mediumWide), ("cowboy shot", .mediumWide),
            ("wide shot", .wide), ("full shot", .wide), ("establishing shot", .establishing),
        ]
        for (prompt, size) in sizes {
            let s = read(prompt)
            #expect(s.shotSize == size && s.cameraMoves.isEmpty && s.report.ignored.isEmpty, "\(prompt)")
        }
        let angles: [(String, SceneSpec.CameraAngle)] = [
            ("eye level", .eyeLevel), ("low angle", .low), ("high angle", .high), ("bird's-eye view", .birdsEye),
            ("overhead shot", .birdsEye), ("over the shoulder", .overTheShoulder), ("dutch angle", .dutch),
        ]
        for (prompt, angle) in angles {
            let s = read(prompt)
            #expect(s.angle == angle && s.report.ignored.isEmpty, "\(prompt)")
        }
        let both = read("a close-up of a bottle, low angle, wide shot")
        #expect(both.shotSize == .closeUp && both.angle == .low, "the first size word wins")
    }

    @Test func productWordsAndActionsAreRead() {
        let s = read("a watch, sneakers, a laptop opening and a mug sliding in, a box lifting")
        #expect(s.subjects.map(\.kind) == [.watch, .sneakers, .laptop, .mug, .productBox])
        #expect(s.subjects.map(\.action) == [.opening, .opening, .opening, .slidingIn, .lifting])
        #expect(s.report.ignored.isEmpty)
    }

    @Test func orbitingThreeSixtyIsACameraMoveNotAnAction() {
        let s = read("a bottle, camera orbiting 360 degrees")
        #expect(s.cameraMoves == [.orbit])
        #expect(s.subjects[0].action == .standing)
    }

    @Test func timeOfDayAndWeatherWords() {
        #expect(read("at night").timeOfDay == .night)
        #expect(read("sunset").timeOfDay == .sunset)
        #expect(read("morning").timeOfDay == .morning)
        #expect(read("rain").weather == .rain)
        #expect(read("a rainy day").weather == .rain)
        #expect(read("fog").weather == .fog)
        #expect(read("foggy").weather == .fog)
    }

    @Test func crowdWords() {
        #expect(read("a busy street").crowdDensity == 0.8)
        #expect(read("a crowded street").crowdDensity == 1.0)
        #expect(read("an empty street").crowdDensity == 0)
        #expect(read("a deserted street").crowdDensity == 0)
        #expect(read("a street").crowdDensity == 0.35)   // default outdoors in town
        #expect(read("a kitchen").crowdDensity == 0)
    }

    @Test func unknownWordsGiveANeutralSceneAndAreAllReported() {
        let s = read("Zorblax quuxing the flibber!")
        #expect(s.environment == .neutral)
        #expect(s.subjects.isEmpty)
        #expect(s.cameraMoves.isEmpty)
        #expect(s.timeOfDay == nil && s.weather == nil)
        #expect(s.crowdDensity == 0)
        #expect(s.report.understood.isEmpty)
        #expect(s.report.ignored == ["zorblax", "quuxing", "flibber"])
    }

    @Test func functionWordsAreNeitherUnderstoodNorIgnored() {
        let s = read("a woman with the dragon in a very purple castle")
        #expect(s.report.ignored == ["dragon", "purple", "castle"])
        #expect(s.report.understood == ["woman"])
        #expect(s.subjects[0].clothesColor == nil)
        #expect(read("a woman in purple").subjects[0].clothesColor == RGB(120, 50, 160))
    }

    @Test func characterNamesMatchCaseInsensitivelyAndMultiword() {
        let mia = character("ch1", "Mia")
        let doc = character("ch2", "Doctor Ana Ruiz")
        let s = read("MIA walking beside doctor ana ruiz's car", characters: [mia, doc])
        #expect(s.subjects.map(\.kind) == [.character, .character, .car])
        #expect(s.subjects[0].characterID == "ch1")
        #expect(s.subjects[0].action == .walking)
        #expect(s.subjects[1].characterID == "ch2")
        #expect(s.report.understood.contains("doctor ana ruiz"))
        #expect(s.report.ignored == ["beside"])
    }

    @Test func characterNameWinsOverAVocabularyWord() {
        let rain = character("ch3", "Rain")
        let s = read("Rain waving", characters: [rain])
        #expect(s.subjects.first?.characterID == "ch3")
        #expect(s.weather == nil)
    }

    @Test func castCharacterIsBoundToTheUnnamedPersonAndKeepsItsAppearance() throws {
        let mia = character("ch1", "Mia")
        let shot = Shot(id: "sh1", sceneID: "sc1", prompt: "a woman in a red coat running", duration: 48,
                        cast: [CastMember(characterID: "ch1")])
        let spec = ShotSpec(shot: shot, characters: [mia], lighting: nil, sceneEnvironment: "a park",
                            frameRate: .fps24, resolution: try Resolution(width: 64, height: 36))
        let s = PromptInterpreter.interpret(spec)
        #expect(s.subjects.count == 1)
        #expect(s.subjects[0].kind == .character && s.subjects[0].characterID == "ch1")
        #expect(s.subjects[0].action == .running)
        #expect(s.subjects[0].clothesColor == nil)
        #expect(s.environment == .park)
    }

    @Test func castCharacterNotInThePromptIsAddedWithItsBlockingAction() throws {
        let mia = character("ch1", "Mia")
        let shot = Shot(id: "sh1", sceneID: "sc1", prompt: "a smartphone on a table", duration: 48,
                        cast: [CastMember(characterID: "ch1", blocking: "waves at the camera")])
        let spec = ShotSpec(shot: shot, characters: [mia], lighting: nil, sceneEnvironment: "",
                            frameRate: .fps24, resolution: try Resolution(width: 64, height: 36))
        let s = PromptInterpreter.interpret(spec)
        #expect(s.subjects.map(\.kind) == [.smartphone, .character])
        #expect(s.subjects[1].action == .waving)
    }

    @Test func productPromptIsReadWordForWord() {
        let s = read("A smartphone rotating 360 degrees on a white studio surface, camera orbiting slowly.")
        #expect(s.environment == .studio)
        #expect(s.subjects == [SceneSpec.Subject(kind: .smartphone, action: .rotating)])
        #expect(s.cameraMoves == [.orbit])
        #expect(s.report.understood == ["smartphone", "rotating 360 degrees", "white studio surface", "orbiting"])
        #expect(s.report.ignored == ["slowly"])
    }

    @Test func interpretationIsDeterministic() {
        let p = "A blonde woman in a red jacket walking down a busy city street at night, rain, camera following from behind"
        let a = read(p), b = read(p)
        #expect(a == b)
        #expect(a.environment == .cityNight && a.weather == .rain && a.crowdDensity == 0.8)
        #expect(a.cameraMoves == [.followBehind])
    }

    @Test func everyVocabularyPhraseIsListedInTheEngineDocs() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/Engine.md")
        let text = try String(contentsOf: docs, encoding: .utf8).lowercased()
        // A phrase is documented verbatim, or as a combination ("any of `using` … followed by
        // any of `phone` …") whose two halves are both listed.
        func documented(_ phrase: String) -> Bool {
            if text.contains("`\(phrase)`") { return true }
            let words = phrase.split(separator: " ")
            return (1..<max(1, words.count)).contains { k in
                text.contains("`\(words[..<k].joined(separator: " "))`") && text.contains("`\(words[k...].joined(separator: " "))`")
            }
        }
        let missing = PromptVocabulary.entries.map(\.phrase).filter { !documented($0) }
        #expect(missing.isEmpty, "not documented: \(missing)")
    }
}
