// Checks a disclosure with the disclosure-rules service from Java (java.net.http, Java 11+):
//   javac -d out CheckClient.java && java -cp out CheckClient http://127.0.0.1:8080/v1/check 部门预算.pdf
// Prints the HTTP status and the JSON report (200), or the reason (400 unusable, 413 too large,
// 503 past the time limit).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

public class CheckClient {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path file = Path.of(args[1]);
    String type = file.toString().endsWith(".pdf") ? "application/pdf" : file.toString().endsWith(".json") ? "application/json" : "text/plain";
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?lang=zh-CN"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofFile(file))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    System.out.println(response.statusCode());
    System.out.println(response.body());
  }
}
