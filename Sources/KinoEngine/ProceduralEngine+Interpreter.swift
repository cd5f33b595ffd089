extension ProceduralEngine {
    /// The embedded engine reading prompts with PromptInterpreter.
    public init() {
        self.init(interpreter: { PromptInterpreter.interpret($0) })
    }
}
