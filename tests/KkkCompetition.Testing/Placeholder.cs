namespace KkkCompetition.Testing; internal static class Placeholder { }
