package cn.servicemap.map;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages, static files of the frontend jar: {@code /} is index.html (the worker page, served
 * by Boot's welcome-page handling), {@code /plan} forwards to plan.html and {@code /users} to users.html
 * (用户管理 and 修改密码). A forward from a view controller needs no template engine: the pages are plain
 * HTML and ES modules.
 */
@Configuration(proxyBeanMethods = false)
class WebPagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/plan").setViewName("forward:/plan.html");
        registry.addViewController("/users").setViewName("forward:/users.html");
    }
}
