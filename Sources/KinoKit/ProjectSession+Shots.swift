import Foundation
import KinoCore
import KinoEngine
import KinoMedia

/// The media a new shot starts from, checked and hashed.
public struct ShotMediaInputs: Sendable {
    public var image: MediaReference?
    public var video: (source: VideoSource, seconds: Double)?
}

extension ProjectSession {
    /// Where a walking subject goes, so that a follow camera keeps behind it: subjects walk
    /// away from the default camera, along -z, at a walking pace.
    public static let followSubjectVelocity = Vec3(0, 0, -1.3)

    /// Rewrites a shot's camera path from a preset (keys the user can then tweak), centred on
    /// the shot's subject at the distance its shot size needs, as the engine frames it.
    public func applyPreset(_ preset: CameraPreset, to shot: inout Shot, intensity: Double = 1) {
        Self.applyPreset(preset, to: &shot, in: project, engine: engine, intensity: intensity)
    }

    /// As `applyPreset(_:to:intensity:)`, for a project value not yet in a session.
    public static func applyPreset(_ preset: CameraPreset, to shot: inout Shot, in project: Project,
                                   engine: any GenerationEngine, intensity: Double = 1) {
        let framing = presetFraming(for: shot, in: project, engine: engine)
        applyPreset(preset, to: &shot, frameRate: project.frameRate, framing: framing, intensity: intensity)
    }

    /// Where the engine would centre a preset on `shot`: its subject, at the distance its
    /// shot size needs (nil when the engine does not say).
    public static func presetFraming(for shot: Shot, in p: Project, engine: any GenerationEngine) -> PresetFraming? {
        let spec = ShotSpec(shot: shot, characters: shot.cast.compactMap { p.character($0.characterID) },
                            lighting: p.effectiveLighting(for: shot), sceneEnvironment: p.scene(shot.sceneID)?.environment ?? "",
                            frameRate: p.frameRate, resolution: p.settings.resolution)
        return engine.presetFraming(spec)
    }

    public static func applyPreset(_ preset: CameraPreset, to shot: inout Shot, frameRate: FrameRate,
                                   framing: PresetFraming? = nil, intensity: Double = 1) {
        shot.camera = CameraPath.preset(preset, frames: shot.duration, frameRate: frameRate,
                                        framing: framing ?? .standard(),
                                        subjectVelocity: preset == .follow ? Self.followSubjectVelocity : .zero,
                                        intensity: intensity, seed: shot.seed)
        shot.cameraPreset = preset
        shot.cameraIsExplicit = true
    }

    /// Checks and hashes a start image and/or footage for a new shot. Each bad file is one
    /// clear error; nothing is recorded until the shot is added.
    public func shotMedia(image: String?, video: String?, inPoint: Double?, outPoint: Double?) throws -> ShotMediaInputs {
        var out = ShotMediaInputs()
        if let image {
            _ = try loadImage(image)
            out.image = MediaReference(path: absolute(image), contentHash: try hashFile(image))
        }
        if let video {
            guard FileManager.default.fileExists(atPath: video) else { throw KinoKitError.missingFile(video) }
            let info = try probeVideo(at: video)
            let rate = info.frameRate.doubleValue
            let first = Int(((inPoint ?? 0) * rate).rounded())
            let last = outPoint.map { Int(($0 * rate).rounded()) } ?? info.frameCount
            guard first >= 0, last > first, last <= info.frameCount else {
                throw ValidationError.outOfRange(field: "clip range", value: "\(inPoint ?? 0)–\(outPoint ?? info.duration) s",
                                                 range: String(format: "0–%.3f s (the clip's length)", info.duration))
            }
            let ref = MediaReference(path: absolute(video), contentHash: try hashFile(video))
            out.video = (VideoSource(media: ref, inFrame: first, outFrame: last, clipFrameRate: info.frameRate), Double(last - first) / rate)
        }
        return out
    }

    /// Adds a character whose appearance is derived once from the description and, when
    /// given, the reference image's colours.
    @discardableResult
    public func addCharacter(name: String, description: String, referencePath: String?) throws -> Character {
        let (reference, frame) = try loadReference(referencePath)
        var id: CharacterID?
        try apply { p in
            // Seeded by the id the file hands out now, inside the edit's transaction.
            let appearance = Appearance.derive(fromDescription: description + " " + name, seed: UInt64(p.nextIDNumber), reference: frame)
            let (edit, newID) = try p.addingCharacter(name: name, description: description, reference: reference, appearance: appearance)
            id = newID
            return edit
        }
        return project.character(id!)!
    }

    /// Changes a character; a new description or reference re-derives the appearance.
    @discardableResult
    public func updateCharacter(_ ref: String, name: String?, description: String?, referencePath: String?) throws -> Character {
        let current = try project.resolveCharacter(ref)
        var reference = current.reference
        var frame: Frame? = nil
        if let r = referencePath {
            if r == "none" { reference = nil } else { (reference, frame) = try loadReference(r) }
        } else if let existing = current.reference, FileManager.default.fileExists(atPath: existing.path) {
            frame = try? loadImageChecked(existing.path, maxSide: referenceMaxSide)
        }
        // Only what was asked for changes, on top of the character as the file holds it now.
        try apply { p in
            try p.updatingCharacter(current.id) {
                if let name { $0.name = name }
                if let description { $0.description = description }
                if referencePath != nil { $0.reference = reference }
                if description != nil || referencePath != nil {
                    $0.appearance = Appearance.derive(fromDescription: $0.description + " " + $0.name,
                                                      seed: UInt64(current.id.number), reference: frame)
                }
            }
        }
        return project.character(current.id)!
    }

    private func loadReference(_ path: String?) throws -> (MediaReference?, Frame?) {
        guard let path else { return (nil, nil) }
        let frame = try loadImageChecked(path, maxSide: referenceMaxSide)
        return (MediaReference(path: absolute(path), contentHash: try hashFile(path)), frame)
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    func hashFile(_ path: String) throws -> String { try hashFileContents(path) }
}

/// The SHA-256 of a file's bytes, as hex (the content hash of a MediaReference).
func hashFileContents(_ path: String) throws -> String {
    guard let h = FileHandle(forReadingAtPath: path) else { throw KinoKitError.missingFile(path) }
    defer { try? h.close() }
    var d = SHA256Digest()
    while let chunk = try h.read(upToCount: 1 << 20), !chunk.isEmpty { d.update(chunk) }
    return d.finalizeHex()
}

/// A character's look is read from a picture at most this many pixels on its long side: a huge
/// reference is scaled down while it is decoded, never held at full size as RGBA.
let referenceMaxSide = 2048
