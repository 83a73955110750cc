package cn.servicemap.map;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages, static files of the frontend jar: {@code /} is index.html (the worker page, served
 * by Boot's welcome-page handling), {@code /plan} forwards to plan.html and {@code /users} to users.html
 * (用户管理 and 修改密码). A forward from a view controller needs no template engine: the pages are plain
 * HTML and ES modules. The web app manifest ({@code /manifest.webmanifest}, which makes the worker page installable
 * on a phone's home screen) goes out as {@code application/manifest+json}, a type the servlet container does not know.
 */
@Configuration(proxyBeanMethods = false)
class WebPagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/plan").setViewName("forward:/plan.html");
        registry.addViewController("/users").setViewName("forward:/users.html");
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> webManifestMimeType() {
        return factory -> {
            MimeMappings manifest = new MimeMappings();
            manifest.add("webmanifest", "application/manifest+json");
            factory.addMimeMappings(manifest);
        };
    }
}
