import Foundation

/// Limits that validation enforces; documented in Docs/FileFormat.md.
public enum Limits {
    public static let maxShotSeconds = 600.0
    public static let maxPromptLength = 4000
    public static let maxNameLength = 200
    public static let maxShots = 100_000
}

extension Project {
    /// Applies `edit`, or throws a ValidationError and leaves the project as it was.
    public mutating func apply(_ edit: Edit) throws {
        var copy = self
        try copy.applyUnchecked(edit)
        self = copy
    }

    /// Returns the project with `edit` applied.
    public func applying(_ edit: Edit) throws -> Project {
        var copy = self
        try copy.apply(edit)
        return copy
    }

    private mutating func applyUnchecked(_ edit: Edit) throws {
        switch edit {
        case .updateSettings(let old, let new):
            guard settings == old else { throw ValidationError.stale("settings") }
            try validateName(new.name, kind: "project")
            settings = new

        case .insertScene(let s, let i):
            try checkIndex(i, count: scenes.count, field: "scene position")
            guard sceneIndex(s.id) == nil else { throw ValidationError.idCollision(s.id.raw) }
            try validate(scene: s, ignoring: nil)
            scenes.insert(s, at: i)

        case .deleteScene(let s, let i):
            guard i < scenes.count, scenes[i] == s else { throw ValidationError.stale("scene \(s.id)") }
            let n = shots.filter { $0.sceneID == s.id }.count
            guard n == 0 else { throw ValidationError.sceneNotEmpty(name: s.name, shots: n) }
            scenes.remove(at: i)

        case .updateScene(let old, let new):
            guard old.id == new.id, let i = sceneIndex(old.id), scenes[i] == old else { throw ValidationError.stale("scene \(old.id)") }
            try validate(scene: new, ignoring: old.id)
            scenes[i] = new

        case .insertShot(let s, let i):
            try checkIndex(i, count: shots.count, field: "shot position")
            guard shotIndex(s.id) == nil else { throw ValidationError.idCollision(s.id.raw) }
            guard shots.count < Limits.maxShots else { throw ValidationError.outOfRange(field: "shot count", value: "\(shots.count + 1)", range: "1…\(Limits.maxShots)") }
            try validate(shot: s)
            shots.insert(s, at: i)

        case .deleteShot(let s, let i):
            guard i < shots.count, shots[i] == s else { throw ValidationError.stale("shot \(s.id)") }
            shots.remove(at: i)

        case .moveShot(let id, let from, let to):
            guard from < shots.count, shots[from].id == id else { throw ValidationError.stale("shot \(id)") }
            guard to >= 0, to < shots.count else {
                throw ValidationError.outOfRange(field: "position", value: "\(to + 1)", range: "1…\(shots.count)")
            }
            let s = shots.remove(at: from)
            shots.insert(s, at: to)

        case .updateShot(let old, let new):
            guard old.id == new.id, let i = shotIndex(old.id), shots[i] == old else { throw ValidationError.stale("shot \(old.id)") }
            try validate(shot: new)
            shots[i] = new

        case .insertCharacter(let c, let i):
            try checkIndex(i, count: characters.count, field: "character position")
            guard characterIndex(c.id) == nil else { throw ValidationError.idCollision(c.id.raw) }
            try validateName(c.name, kind: "character")
            if characters.contains(where: { $0.name.caseInsensitiveEquals(c.name) }) {
                throw ValidationError.duplicateName(kind: "character", name: c.name)
            }
            characters.insert(c, at: i)

        case .deleteCharacter(let c, let i):
            guard i < characters.count, characters[i] == c else { throw ValidationError.stale("character \(c.id)") }
            let users = self.shots(using: c.id)
            guard users.isEmpty else {
                throw ValidationError.inUse(kind: "character", name: c.name, by: users.map(\.id.raw).joined(separator: ", "))
            }
            characters.remove(at: i)

        case .updateCharacter(let old, let new):
            guard old.id == new.id, let i = characterIndex(old.id), characters[i] == old else { throw ValidationError.stale("character \(old.id)") }
            try validateName(new.name, kind: "character")
            if characters.contains(where: { $0.id != new.id && $0.name.caseInsensitiveEquals(new.name) }) {
                throw ValidationError.duplicateName(kind: "character", name: new.name)
            }
            characters[i] = new

        case .insertLighting(let l, let i):
            try checkIndex(i, count: lightingSetups.count, field: "lighting position")
            guard lightingIndex(l.id) == nil else { throw ValidationError.idCollision(l.id.raw) }
            try validate(lighting: l, ignoring: nil)
            lightingSetups.insert(l, at: i)

        case .deleteLighting(let l, let i):
            guard i < lightingSetups.count, lightingSetups[i] == l else { throw ValidationError.stale("lighting \(l.id)") }
            let users = shots.filter { $0.lightingID == l.id }.map(\.id.raw) + scenes.filter { $0.lightingID == l.id }.map(\.id.raw)
            guard users.isEmpty else { throw ValidationError.inUse(kind: "lighting setup", name: l.name, by: users.joined(separator: ", ")) }
            lightingSetups.remove(at: i)

        case .updateLighting(let old, let new):
            guard old.id == new.id, let i = lightingIndex(old.id), lightingSetups[i] == old else { throw ValidationError.stale("lighting \(old.id)") }
            try validate(lighting: new, ignoring: old.id)
            lightingSetups[i] = new

        case .insertMarker(let m, let i):
            try checkIndex(i, count: markers.count, field: "marker position")
            guard m.frame >= 0 else { throw ValidationError.invalidTime("\(m.frame)") }
            markers.insert(m, at: i)

        case .deleteMarker(let m, let i):
            guard i < markers.count, markers[i] == m else { throw ValidationError.stale("marker \(m.id)") }
            markers.remove(at: i)

        case .advanceIDs(let from, let to):
            guard nextIDNumber == from else { throw ValidationError.stale("id counter") }
            nextIDNumber = to

        case .audio(let a):
            try applyAudio(a)

        case .group(_, let edits):
            for e in edits { try applyUnchecked(e) }
        }
    }

    private func checkIndex(_ i: Int, count: Int, field: String) throws {
        guard i >= 0, i <= count else { throw ValidationError.outOfRange(field: field, value: "\(i + 1)", range: "1…\(count + 1)") }
    }

    private func validateName(_ name: String, kind: String) throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError.emptyName(kind: kind) }
        guard name.count <= Limits.maxNameLength else { throw ValidationError.textTooLong(field: "the \(kind) name", limit: Limits.maxNameLength) }
    }

    private func validate(scene: Scene, ignoring: SceneID?) throws {
        try validateName(scene.name, kind: "scene")
        if scenes.contains(where: { $0.id != ignoring && $0.id != scene.id && $0.name.caseInsensitiveEquals(scene.name) }) {
            throw ValidationError.duplicateName(kind: "scene", name: scene.name)
        }
        if let l = scene.lightingID, lighting(l) == nil { throw ValidationError.unknownLighting(l.raw) }
    }

    private func validate(lighting l: LightingSetup, ignoring: LightingID?) throws {
        try validateName(l.name, kind: "lighting setup")
        if lightingSetups.contains(where: { $0.id != ignoring && $0.id != l.id && $0.name.caseInsensitiveEquals(l.name) }) {
            throw ValidationError.duplicateName(kind: "lighting setup", name: l.name)
        }
        func check(_ v: Double, _ field: String, _ r: ClosedRange<Double>) throws {
            guard v.isFinite, r.contains(v) else { throw ValidationError.outOfRange(field: field, value: "\(v)", range: "\(r.lowerBound)…\(r.upperBound)") }
        }
        try check(l.keyAzimuth, "key azimuth", -360...360)
        try check(l.keyElevation, "key elevation", -90...90)
        try check(l.colorTemperature, "colour temperature", 1000...12000)
        try check(l.intensity, "intensity", 0...4)
        try check(l.ambient, "ambient", 0...1)
    }

    private func validate(shot: Shot) throws {
        guard scene(shot.sceneID) != nil else { throw ValidationError.unknownScene(shot.sceneID.raw, count: scenes.count) }
        let maxFrames = frameRate.frames(seconds: Limits.maxShotSeconds)
        guard shot.duration >= 1, shot.duration <= maxFrames else {
            throw ValidationError.invalidDuration(String(format: "%.3f", frameRate.seconds(frames: shot.duration)))
        }
        guard shot.prompt.count <= Limits.maxPromptLength else { throw ValidationError.textTooLong(field: "the prompt", limit: Limits.maxPromptLength) }
        guard shot.name.count <= Limits.maxNameLength else { throw ValidationError.textTooLong(field: "the shot name", limit: Limits.maxNameLength) }
        for m in shot.cast where character(m.characterID) == nil { throw ValidationError.unknownCharacter(m.characterID.raw) }
        if let l = shot.lightingID, lighting(l) == nil { throw ValidationError.unknownLighting(l.raw) }
        for (ch, curve) in shot.camera.channels {
            for k in curve.keys where !(k.frame.isFinite && k.value.isFinite) {
                throw ValidationError.invalidNumber(field: "camera key on \(ch.rawValue)", value: "\(k.value)", expected: "a finite number")
            }
        }
        if let fl = shot.camera.channels[.focalLength] {
            for k in fl.keys where !(4...800).contains(k.value) {
                throw ValidationError.outOfRange(field: "focal length", value: "\(k.value)", range: "4…800 mm")
            }
        }
    }
}
