package cn.servicemap.map;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The two pages, static files of the frontend jar: {@code /} is index.html (the worker page, served
 * by Boot's welcome-page handling) and {@code /plan} forwards to plan.html. A forward from a view
 * controller needs no template engine: the pages are plain HTML and ES modules.
 */
@Configuration(proxyBeanMethods = false)
class WebPagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/plan").setViewName("forward:/plan.html");
    }
}
