package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.NoticeView;
import dev.mailboard.app.accounts.Notices;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's notices, newest first; viewing them marks them as read. */
@Controller
class NoticesPageController {

    private static final int SHOWN = 100;

    private final Notices notices;

    NoticesPageController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String notices(CurrentUser user, Model model) {
        List<NoticeView> recent = notices.recent(user.userId(), SHOWN);
        notices.markAllRead(user.userId());
        model.addAttribute("notices", recent);
        return "accounts/notices";
    }
}
