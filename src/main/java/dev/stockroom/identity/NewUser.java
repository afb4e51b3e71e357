package dev.stockroom.identity;

/** What it takes to create a user; the password is hashed before it is stored and never kept in clear. */
public record NewUser(String email, String password, Role role) {

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", role=" + role + "]";
    }
}
