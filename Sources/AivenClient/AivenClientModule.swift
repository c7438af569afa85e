/// Placeholder until the module lands.
enum AivenClientModule {}
