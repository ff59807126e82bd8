# newsflow's images, built from the repository root. One build stage makes the launcher jar; each
# application is a target that starts it with its subcommand:
#   docker build --target streams-app -t newsflow-streams .
#   docker build --target producer    -t newsflow-producer .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre AS runtime
WORKDIR /app
COPY --from=build /src/cli/target/newsflow.jar /app/newsflow.jar
COPY seeds /app/seeds

FROM runtime AS streams-app
EXPOSE 8080
ENTRYPOINT ["java", "-Dnewsflow.home=/app", "-jar", "/app/newsflow.jar", "stream"]

FROM runtime AS producer
ENTRYPOINT ["java", "-Dnewsflow.home=/app", "-jar", "/app/newsflow.jar", "produce"]
