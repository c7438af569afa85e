/// Placeholder until the module lands.
enum AivenEmulatorModule {}
