/// Placeholder until the module lands.
enum LocalKubeModule {}
