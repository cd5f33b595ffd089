/// A character cast in a shot, with optional blocking text ("walks left to right").
public struct CastMember: Hashable, Sendable, Codable {
    public var characterID: CharacterID
    public var blocking: String
    public init(characterID: CharacterID, blocking: String = "") {
        self.characterID = characterID; self.blocking = blocking
    }
}

/// A file the project refers to, with the SHA-256 of its bytes when it was recorded, so a
/// changed or missing file is noticed instead of silently giving a different result.
public struct MediaReference: Hashable, Sendable, Codable {
    public var path: String
    public var contentHash: String
    public init(path: String, contentHash: String) { self.path = path; self.contentHash = contentHash }
}

/// Footage placed on the timeline: a clip and the part of it used (in source frames).
public struct VideoSource: Hashable, Sendable, Codable {
    public var media: MediaReference
    public var inFrame: Int
    public var outFrame: Int
    /// The clip's own frame rate; nil means the project's.
    public var clipFrameRate: Rational?
    public init(media: MediaReference, inFrame: Int, outFrame: Int, clipFrameRate: Rational? = nil) {
        self.media = media; self.inFrame = inFrame; self.outFrame = outFrame; self.clipFrameRate = clipFrameRate
    }

    /// The clip frame shown at frame `f` of the shot, keeping the clip's real speed.
    public func clipFrame(forShotFrame f: Int, projectRate: FrameRate) -> Int {
        let clip = clipFrameRate ?? projectRate.perSecond
        // f / projectRate seconds into the clip, as a clip frame (exact rational arithmetic).
        let n = Int64(f) * clip.numerator * projectRate.perSecond.denominator
        let d = clip.denominator * projectRate.perSecond.numerator
        return min(inFrame + Int(n / d), outFrame - 1)
    }
}

/// One shot of the timeline: what to generate and for how long.
public struct Shot: Hashable, Sendable, Codable, Identifiable {
    public var id: ShotID
    public var sceneID: SceneID
    public var name: String
    public var prompt: String
    /// Length in frames at the project rate.
    public var duration: Int
    public var seed: UInt64
    public var cast: [CastMember]
    public var camera: CameraPath
    /// The preset the camera path was last built from, if any (the user may have tweaked it).
    public var cameraPreset: CameraPreset?
    /// True when the user set the camera (preset or keys); otherwise the prompt's camera
    /// phrase decides.
    public var cameraIsExplicit: Bool
    public var startImage: MediaReference?
    public var sourceVideo: VideoSource?
    /// Overrides the scene's lighting setup.
    public var lightingID: LightingID?
    public var currentTakeID: TakeID?

    public init(id: ShotID, sceneID: SceneID, name: String = "", prompt: String, duration: Int, seed: UInt64 = 1,
                cast: [CastMember] = [], camera: CameraPath = .standard, cameraPreset: CameraPreset? = nil,
                cameraIsExplicit: Bool = false, startImage: MediaReference? = nil, sourceVideo: VideoSource? = nil,
                lightingID: LightingID? = nil, currentTakeID: TakeID? = nil) {
        self.id = id; self.sceneID = sceneID; self.name = name; self.prompt = prompt
        self.duration = duration; self.seed = seed; self.cast = cast; self.camera = camera
        self.cameraPreset = cameraPreset; self.cameraIsExplicit = cameraIsExplicit
        self.startImage = startImage; self.sourceVideo = sourceVideo
        self.lightingID = lightingID; self.currentTakeID = currentTakeID
    }

    /// A label for lists: the name, else the prompt's first words.
    public var title: String {
        if !name.isEmpty { return name }
        let words = prompt.split(separator: " ").prefix(5).joined(separator: " ")
        return words.isEmpty ? id.raw : words
    }
}
