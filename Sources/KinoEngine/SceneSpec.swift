import KinoCore

/// What a prompt describes, as the engine understands it. PromptInterpreter produces it;
/// World and Rasteriser consume it.
public struct SceneSpec: Hashable, Sendable {
    public enum Environment: String, Hashable, Sendable, CaseIterable {
        case cityNight = "city-night", street, livingRoom = "living-room", kitchen, office, studio, park, neutral
    }
    public enum SubjectKind: String, Hashable, Sendable, CaseIterable {
        case woman, man, child, smartphone, productBox = "product-box", bottle, car, character
    }
    public enum Action: String, Hashable, Sendable, CaseIterable {
        case walking, running, standing, turning, rotating, waving, sitting, usingPhone = "using-phone"
    }
    public enum CameraMove: String, Hashable, Sendable, CaseIterable {
        case followBehind = "follow-behind", orbit, closeUp = "close-up", wide, pushIn = "push-in",
             pullOut = "pull-out", panLeft = "pan-left", panRight = "pan-right", still = "static", handheld
    }

    /// One subject in the scene.
    public struct Subject: Hashable, Sendable {
        public var kind: SubjectKind
        /// Set when the subject is a project character (its Appearance is used).
        public var characterID: CharacterID?
        public var hairColor: RGB?
        public var clothesColor: RGB?
        public var color: RGB?
        public var action: Action
        public init(kind: SubjectKind, characterID: CharacterID? = nil, hairColor: RGB? = nil,
                    clothesColor: RGB? = nil, color: RGB? = nil, action: Action = .standing) {
            self.kind = kind; self.characterID = characterID; self.hairColor = hairColor
            self.clothesColor = clothesColor; self.color = color; self.action = action
        }
    }

    public var environment: Environment
    public var subjects: [Subject]
    public var timeOfDay: TimeOfDay?
    public var weather: Weather?
    public var cameraMoves: [CameraMove]
    /// Background pedestrians: 0 empty … 1 busy.
    public var crowdDensity: Double
    public var neonSigns: Bool
    public var report: PromptReport

    public init(environment: Environment = .neutral, subjects: [Subject] = [], timeOfDay: TimeOfDay? = nil,
                weather: Weather? = nil, cameraMoves: [CameraMove] = [], crowdDensity: Double = 0,
                neonSigns: Bool = false, report: PromptReport = PromptReport()) {
        self.environment = environment; self.subjects = subjects; self.timeOfDay = timeOfDay
        self.weather = weather; self.cameraMoves = cameraMoves; self.crowdDensity = crowdDensity
        self.neonSigns = neonSigns; self.report = report
    }
}
