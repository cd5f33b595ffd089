import Foundation
import Testing
@testable import KinoCore

/// Two lighting setups, two scenes, two characters; shots:
/// sh10 (sc1, cast Ava), sh11 (sc1), sh12 (sc2, cast Ava and Ben), sh13 (sc2, override lt1), sh14 (sc2).
func inputsProject() -> Project {
    var p = Project(settings: ProjectSettings(name: "inputs"))
    p.lightingSetups = [LightingSetup(id: "lt1", name: "Day"), LightingSetup(id: "lt2", name: "Night", timeOfDay: .night)]
    p.scenes = [Scene(id: "sc1", name: "Studio", environment: "white studio", lightingID: "lt1"),
                Scene(id: "sc2", name: "Street", environment: "city street", lightingID: "lt2")]
    let look = Appearance(skin: RGB(1, 2, 3), hair: RGB(4, 5, 6), top: RGB(7, 8, 9), bottom: RGB(1, 1, 1),
                          height: 1.8, build: .slim, hairStyle: .long, faceSeed: 1)
    p.characters = [Character(id: "ch1", name: "Ava", description: "a woman", appearance: look),
                    Character(id: "ch2", name: "Ben", description: "a man", appearance: look)]
    p.shots = [
        Shot(id: "sh10", sceneID: "sc1", prompt: "Ava waves", duration: 24, cast: [CastMember(characterID: "ch1")]),
        Shot(id: "sh11", sceneID: "sc1", prompt: "a phone", duration: 24),
        Shot(id: "sh12", sceneID: "sc2", prompt: "Ava and Ben talk", duration: 24,
             cast: [CastMember(characterID: "ch1"), CastMember(characterID: "ch2")]),
        Shot(id: "sh13", sceneID: "sc2", prompt: "a sign", duration: 24, lightingID: "lt1"),
        Shot(id: "sh14", sceneID: "sc2", prompt: "a car", duration: 24),
    ]
    p.nextIDNumber = 20
    return p
}

@Suite struct AffectedShotsTests {
    /// `symmetric`: the inverse affects the same shots (not so for a removal: undoing it
    /// brings the shot back with its take, nothing to cancel).
    func affected(symmetric: Bool = true, _ build: (Project) throws -> Edit) throws -> Set<ShotID> {
        let p = inputsProject()
        let edit = try build(p)
        let after = try p.applying(edit)
        #expect(edit.affectedShots(in: p) == after.shotDiff(since: p).affected)
        if symmetric { #expect(edit.inverse.affectedShots(in: after) == edit.affectedShots(in: p)) }
        return edit.affectedShots(in: p)
    }

    @Test func aCharactersLookAffectsExactlyTheShotsThatCastIt() throws {
        #expect(try affected { try $0.updatingCharacter("ch1") { $0.appearance.hairStyle = .bun } } == ["sh10", "sh12"])
        #expect(try affected { try $0.updatingCharacter("ch2") { $0.description = "a tall man" } } == ["sh12"])
        // Names are words the prompt can use: a rename counts too.
        #expect(try affected { try $0.updatingCharacter("ch2") { $0.name = "Bob" } } == ["sh12"])
    }

    @Test func aLightingSetupAffectsTheShotsThatRenderWithIt() throws {
        // lt1: sc1's shots and sh13's override; lt2: sc2's shots without an override.
        #expect(try affected { try $0.updatingLighting("lt1") { $0.intensity = 2 } } == ["sh10", "sh11", "sh13"])
        #expect(try affected { try $0.updatingLighting("lt2") { $0.weather = .rain } } == ["sh12", "sh14"])
        #expect(try affected { try $0.updatingLighting("lt2") { $0.name = "Late night" } }.isEmpty)
    }

    @Test func aScenesEnvironmentOrLightingAffectsItsShots() throws {
        #expect(try affected { try $0.updatingScene("sc2") { $0.environment = "a beach" } } == ["sh12", "sh13", "sh14"])
        // sh13 has its own lighting: a new scene lighting leaves it alone.
        #expect(try affected { try $0.updatingScene("sc2") { $0.lightingID = "lt1" } } == ["sh12", "sh14"])
        #expect(try affected { try $0.updatingScene("sc1") { $0.name = "Intro" } }.isEmpty)
    }

    @Test func aShotFieldAffectsThatShotWhenItIsAnInput() throws {
        #expect(try affected { try $0.updatingShot("sh11") { $0.prompt = "a red phone" } } == ["sh11"])
        #expect(try affected { try $0.updatingShot("sh11") { $0.seed = 99 } } == ["sh11"])
        #expect(try affected { try $0.updatingShot("sh11") { $0.lightingID = "lt2" } } == ["sh11"])
        #expect(try affected { try $0.updatingShot("sh11") { $0.cast = [CastMember(characterID: "ch2")] } } == ["sh11"])
        #expect(try affected { try $0.updatingShot("sh11") { $0.name = "Phone" } }.isEmpty)
        #expect(try affected { try $0.updatingShot("sh11") { $0.cameraPreset = .pan } }.isEmpty)
        #expect(try affected { try $0.settingCurrentTake("sh11", "tk4") }.isEmpty)
        // Moving a shot to a scene with other surroundings changes its inputs; reordering does not.
        #expect(try affected { try $0.updatingShot("sh11") { $0.sceneID = "sc2" } } == ["sh11"])
        #expect(try affected { try $0.movingShot("sh11", to: 3) }.isEmpty)
    }

    @Test func projectSettingsAffectEveryShotOnlyThroughTheFrameRate() throws {
        #expect(try affected { try $0.updatingSettings { $0.frameRate = .fps25 } } == ["sh10", "sh11", "sh12", "sh13", "sh14"])
        #expect(try affected { try $0.updatingSettings { $0.resolution = try Resolution(width: 640, height: 360) } }.isEmpty)
        #expect(try affected { try $0.updatingSettings { $0.name = "renamed" } }.isEmpty)
    }

    @Test func removingAShotAffectsItAndAddingOneAffectsNothing() throws {
        #expect(try affected(symmetric: false) { try $0.removingShot("sh12") } == ["sh12"])
        let p = inputsProject()
        let (add, id) = try p.addingShot { Shot(id: $0, sceneID: "sc1", prompt: "new", duration: 12) }
        let after = try p.applying(add)
        #expect(add.affectedShots(in: p).isEmpty)
        #expect(after.shotDiff(since: p).added == [id])
        #expect(after.shotDiff(since: p).needsStatus == [id])
    }

    @Test func aGroupAffectsTheUnionOfItsParts() throws {
        let edit = try affected { p in
            .group(label: "two", edits: [try p.updatingLighting("lt2") { $0.ambient = 0.1 }, try p.updatingShot("sh10") { $0.seed = 5 }])
        }
        #expect(edit == ["sh10", "sh12", "sh14"])
    }

    @Test func aTakeSwitchIsReportedApartFromInputs() throws {
        let p = inputsProject()
        let after = try p.applying(try p.settingCurrentTake("sh13", "tk9"))
        let diff = after.shotDiff(since: p)
        #expect(diff.takeChanged == ["sh13"])
        #expect(diff.inputsChanged.isEmpty)
        #expect(diff.needsStatus == ["sh13"])
    }
}
