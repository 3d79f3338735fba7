package dev.mailboard.app.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in. */
@Controller
class HomePageController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
