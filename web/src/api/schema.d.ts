// Generated from athar's OpenAPI document by scripts/api-types.ts (npm run api:types). Do not edit.
export interface paths {
    "/api/admin/migrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply pending database migrations */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: number[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; sets the session cookie and returns the CSRF token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                displayName: string;
                                isAdmin: boolean;
                                mustChangePassword: boolean;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                disabledAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            };
                            csrfToken: string;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            expiresAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            username: string;
                            isAdmin: boolean;
                            mustChangePassword: boolean;
                            via: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (required after a one-time password) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            isAdmin: boolean;
                            mustChangePassword: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            disabledAt: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                id: string;
                                username: string;
                                displayName: string;
                                isAdmin: boolean;
                                mustChangePassword: boolean;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                disabledAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user (without a password: a one-time password is returned) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description lower case letters, digits, . _ - */
                        username: string;
                        displayName?: string;
                        password?: string;
                        isAdmin?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                displayName: string;
                                isAdmin: boolean;
                                mustChangePassword: boolean;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                disabledAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            };
                            oneTimePassword?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user; ends their sessions and tokens */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lower case letters, digits, . _ - */
                    username: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            isAdmin: boolean;
                            mustChangePassword: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            disabledAt: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a password to a one-time password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lower case letters, digits, . _ - */
                    username: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                username: string;
                                displayName: string;
                                isAdmin: boolean;
                                mustChangePassword: boolean;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                disabledAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            };
                            oneTimePassword: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens (all tokens with ?all=true, administrators) */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    all?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                id: string;
                                userId: string;
                                name: string;
                                prefix: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                expiresAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                revokedAt: string | null;
                                /**
                                 * @description why the token stopped working
                                 * @enum {string|null}
                                 */
                                revokedReason: "revoked" | "password_changed" | "password_reset" | "user_disabled" | null;
                                /** @description who made the token (an administrator may make one for someone else) */
                                createdBy: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                lastUsedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token; the secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description lower case letters, digits, . _ - */
                        username?: string;
                        expiresInDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: {
                                id: string;
                                userId: string;
                                name: string;
                                prefix: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                expiresAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                revokedAt: string | null;
                                /**
                                 * @description why the token stopped working
                                 * @enum {string|null}
                                 */
                                revokedReason: "revoked" | "password_changed" | "password_reset" | "user_disabled" | null;
                                /** @description who made the token (an administrator may make one for someone else) */
                                createdBy: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                lastUsedAt: string | null;
                            };
                            /** @description shown once; store it now */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            userId: string;
                            name: string;
                            prefix: string;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            expiresAt: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            revokedAt: string | null;
                            /**
                             * @description why the token stopped working
                             * @enum {string|null}
                             */
                            revokedReason: "revoked" | "password_changed" | "password_reset" | "user_disabled" | null;
                            /** @description who made the token (an administrator may make one for someone else) */
                            createdBy: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            lastUsedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a user's display name or administrator role */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lower case letters, digits, . _ - */
                    username: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        isAdmin?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            isAdmin: boolean;
                            mustChangePassword: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            disabledAt: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases I can see */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                id: string;
                                slug: string;
                                title: string;
                                description: string;
                                timeZone: string;
                                eventStart: {
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    at: string;
                                    /** @description IANA time zone, e.g. Asia/Damascus */
                                    timeZone: string | null;
                                    /**
                                     * @description how precisely the source gave the time
                                     * @enum {string}
                                     */
                                    precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                    /** @description in the source zone (or the case zone), no more precise than known */
                                    local: string;
                                    asWritten?: string | null;
                                } | null;
                                isDemo: boolean;
                                /** @description the caller's role in this case */
                                role: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a case (its creator becomes its admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        slug: string;
                        title: string;
                        description?: string;
                        /** @description IANA time zone, e.g. Asia/Damascus */
                        timeZone: string;
                        eventStart?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slug: string;
                            title: string;
                            description: string;
                            timeZone: string;
                            eventStart: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            isDemo: boolean;
                            /** @description the caller's role in this case */
                            role: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slug: string;
                            title: string;
                            description: string;
                            timeZone: string;
                            eventStart: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            isDemo: boolean;
                            /** @description the caller's role in this case */
                            role: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a case's title, description, time zone or start */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string;
                        /** @description IANA time zone, e.g. Asia/Damascus */
                        timeZone?: string;
                        eventStart?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slug: string;
                            title: string;
                            description: string;
                            timeZone: string;
                            eventStart: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            isDemo: boolean;
                            /** @description the caller's role in this case */
                            role: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a case */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                userId: string;
                                username: string;
                                displayName: string;
                                /** @enum {string} */
                                role: "admin" | "editor" | "reviewer" | "caseworker" | "viewer";
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                since: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a member or change their role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description lower case letters, digits, . _ - */
                        username: string;
                        /** @enum {string} */
                        role: "admin" | "editor" | "reviewer" | "caseworker" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userId: string;
                            username: string;
                            displayName: string;
                            /** @enum {string} */
                            role: "admin" | "editor" | "reviewer" | "caseworker" | "viewer";
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            since: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/members/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    /** @description lower case letters, digits, . _ - */
                    username: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sources of a case */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sources: {
                                id: string;
                                caseId: string;
                                /** @enum {string} */
                                kind: "organisation" | "outlet" | "account" | "person";
                                name: string;
                                platform: string | null;
                                handle: string | null;
                                url: string | null;
                                description: string;
                                isDemo: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a source (organisation, outlet, account) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "organisation" | "outlet" | "account" | "person";
                        name: string;
                        platform?: string;
                        handle?: string;
                        /**
                         * Format: http-url
                         * @description an http or https URL
                         */
                        url?: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "organisation" | "outlet" | "account" | "person";
                            name: string;
                            platform: string | null;
                            handle: string | null;
                            url: string | null;
                            description: string;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the sources by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "organisation" | "outlet" | "account" | "person";
                            name: string;
                            platform: string | null;
                            handle: string | null;
                            url: string | null;
                            description: string;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a source */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind?: "organisation" | "outlet" | "account" | "person";
                        name?: string;
                        platform?: string;
                        handle?: string;
                        /**
                         * Format: http-url
                         * @description an http or https URL
                         */
                        url?: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "organisation" | "outlet" | "account" | "person";
                            name: string;
                            platform: string | null;
                            handle: string | null;
                            url: string | null;
                            description: string;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What sources said, in the order they said it (undated last); `order=newest` for the latest first */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    sourceId?: string;
                    order?: "oldest" | "newest";
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statements: {
                                id: string;
                                caseId: string;
                                sourceId: string;
                                text: string;
                                language: string;
                                stated: {
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    at: string;
                                    /** @description IANA time zone, e.g. Asia/Damascus */
                                    timeZone: string | null;
                                    /**
                                     * @description how precisely the source gave the time
                                     * @enum {string}
                                     */
                                    precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                    /** @description in the source zone (or the case zone), no more precise than known */
                                    local: string;
                                    asWritten?: string | null;
                                } | null;
                                url: string | null;
                                quote: string | null;
                                isDemo: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a statement with the time as the source gave it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        sourceId: string;
                        text: string;
                        /** @description BCP 47 tag: ar, en, fr, ar-SY */
                        language: string;
                        stated?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                        /**
                         * Format: http-url
                         * @description an http or https URL
                         */
                        url?: string;
                        quote?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            sourceId: string;
                            text: string;
                            language: string;
                            stated: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            url: string | null;
                            quote: string | null;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the statements by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            sourceId: string;
                            text: string;
                            language: string;
                            stated: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            url: string | null;
                            quote: string | null;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a statement */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text?: string;
                        /** @description BCP 47 tag: ar, en, fr, ar-SY */
                        language?: string;
                        stated?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                        /**
                         * Format: http-url
                         * @description an http or https URL
                         */
                        url?: string;
                        quote?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            sourceId: string;
                            text: string;
                            language: string;
                            stated: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            url: string | null;
                            quote: string | null;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Places (site → building → floor → zone) */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            places: {
                                id: string;
                                caseId: string;
                                /** @enum {string} */
                                kind: "region" | "city" | "town" | "site" | "building" | "floor" | "zone";
                                parentId: string | null;
                                names: {
                                    lang: string;
                                    name: string;
                                }[];
                                coordinates: {
                                    latitude: number;
                                    longitude: number;
                                    precisionM: number | null;
                                    approximate: boolean;
                                } | null;
                                description: string;
                                isDemo: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a place */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "region" | "city" | "town" | "site" | "building" | "floor" | "zone";
                        /** Format: uuid */
                        parentId?: string;
                        names: {
                            /** @description BCP 47 tag: ar, en, fr, ar-SY */
                            lang: string;
                            name: string;
                        }[];
                        coordinates?: {
                            latitude: number;
                            longitude: number;
                            /** @description radius in metres */
                            precisionM?: number;
                            approximate?: boolean;
                        };
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "region" | "city" | "town" | "site" | "building" | "floor" | "zone";
                            parentId: string | null;
                            names: {
                                lang: string;
                                name: string;
                            }[];
                            coordinates: {
                                latitude: number;
                                longitude: number;
                                precisionM: number | null;
                                approximate: boolean;
                            } | null;
                            description: string;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/sweeps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Searches of places, by when they started (undated last); `order=newest` for the latest first */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    order?: "oldest" | "newest";
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sweeps: {
                                id: string;
                                caseId: string;
                                placeId: string;
                                sourceId: string | null;
                                team: string | null;
                                started: {
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    at: string;
                                    /** @description IANA time zone, e.g. Asia/Damascus */
                                    timeZone: string | null;
                                    /**
                                     * @description how precisely the source gave the time
                                     * @enum {string}
                                     */
                                    precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                    /** @description in the source zone (or the case zone), no more precise than known */
                                    local: string;
                                    asWritten?: string | null;
                                } | null;
                                ended: {
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    at: string;
                                    /** @description IANA time zone, e.g. Asia/Damascus */
                                    timeZone: string | null;
                                    /**
                                     * @description how precisely the source gave the time
                                     * @enum {string}
                                     */
                                    precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                    /** @description in the source zone (or the case zone), no more precise than known */
                                    local: string;
                                    asWritten?: string | null;
                                } | null;
                                /** @enum {string} */
                                result: "ongoing" | "nothing_found" | "people_found" | "remains_found";
                                notes: string;
                                statementId: string | null;
                                isDemo: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a search of a place */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        placeId: string;
                        /** Format: uuid */
                        sourceId?: string;
                        team?: string;
                        started?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                        ended?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                        /** @enum {string} */
                        result: "ongoing" | "nothing_found" | "people_found" | "remains_found";
                        notes?: string;
                        /** Format: uuid */
                        statementId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            placeId: string;
                            sourceId: string | null;
                            team: string | null;
                            started: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            ended: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @enum {string} */
                            result: "ongoing" | "nothing_found" | "people_found" | "remains_found";
                            notes: string;
                            statementId: string | null;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/sweeps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the sweeps by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            placeId: string;
                            sourceId: string | null;
                            team: string | null;
                            started: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            ended: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @enum {string} */
                            result: "ongoing" | "nothing_found" | "people_found" | "remains_found";
                            notes: string;
                            statementId: string | null;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record how a search went on (end, result, notes) or correct it */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        sourceId?: string;
                        team?: string;
                        started?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                        ended?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                        /** @enum {string} */
                        result?: "ongoing" | "nothing_found" | "people_found" | "remains_found";
                        notes?: string;
                        /** Format: uuid */
                        statementId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            placeId: string;
                            sourceId: string | null;
                            team: string | null;
                            started: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            ended: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @enum {string} */
                            result: "ongoing" | "nothing_found" | "people_found" | "remains_found";
                            notes: string;
                            statementId: string | null;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Figures with their period, source and method */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            figures: {
                                id: string;
                                caseId: string;
                                label: string;
                                value: number | null;
                                low: number | null;
                                high: number | null;
                                /** @enum {string} */
                                qualifier: "exact" | "approximately" | "at_least" | "at_most";
                                unit: string;
                                period: {
                                    from: string | null;
                                    to: string | null;
                                };
                                sourceId: string | null;
                                statementId: string | null;
                                method: string;
                                isDemo: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a figure */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                        value?: number;
                        low?: number;
                        high?: number;
                        /** @enum {string} */
                        qualifier?: "exact" | "approximately" | "at_least" | "at_most";
                        unit: string;
                        /** @description 1987, 1987-03 or 1987-03-14 */
                        periodFrom?: string;
                        /** @description 1987, 1987-03 or 1987-03-14 */
                        periodTo?: string;
                        /** Format: uuid */
                        sourceId?: string;
                        /** Format: uuid */
                        statementId?: string;
                        method?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            label: string;
                            value: number | null;
                            low: number | null;
                            high: number | null;
                            /** @enum {string} */
                            qualifier: "exact" | "approximately" | "at_least" | "at_most";
                            unit: string;
                            period: {
                                from: string | null;
                                to: string | null;
                            };
                            sourceId: string | null;
                            statementId: string | null;
                            method: string;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the places by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "region" | "city" | "town" | "site" | "building" | "floor" | "zone";
                            parentId: string | null;
                            names: {
                                lang: string;
                                name: string;
                            }[];
                            coordinates: {
                                latitude: number;
                                longitude: number;
                                precisionM: number | null;
                                approximate: boolean;
                            } | null;
                            description: string;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a place (kind, parent, names, position, description) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind?: "region" | "city" | "town" | "site" | "building" | "floor" | "zone";
                        /** Format: uuid */
                        parentId?: string | null;
                        names?: {
                            /** @description BCP 47 tag: ar, en, fr, ar-SY */
                            lang: string;
                            name: string;
                        }[];
                        coordinates?: {
                            latitude: number;
                            longitude: number;
                            /** @description radius in metres */
                            precisionM?: number;
                            approximate?: boolean;
                        } | null;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "region" | "city" | "town" | "site" | "building" | "floor" | "zone";
                            parentId: string | null;
                            names: {
                                lang: string;
                                name: string;
                            }[];
                            coordinates: {
                                latitude: number;
                                longitude: number;
                                precisionM: number | null;
                                approximate: boolean;
                            } | null;
                            description: string;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/figures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the figures by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            label: string;
                            value: number | null;
                            low: number | null;
                            high: number | null;
                            /** @enum {string} */
                            qualifier: "exact" | "approximately" | "at_least" | "at_most";
                            unit: string;
                            period: {
                                from: string | null;
                                to: string | null;
                            };
                            sourceId: string | null;
                            statementId: string | null;
                            method: string;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a figure (null clears a field: a value becomes a range) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: string;
                        value?: number | null;
                        low?: number | null;
                        high?: number | null;
                        /** @enum {string} */
                        qualifier?: "exact" | "approximately" | "at_least" | "at_most";
                        unit?: string;
                        /** @description 1987, 1987-03 or 1987-03-14 */
                        periodFrom?: string | null;
                        /** @description 1987, 1987-03 or 1987-03-14 */
                        periodTo?: string | null;
                        /** Format: uuid */
                        sourceId?: string | null;
                        /** Format: uuid */
                        statementId?: string | null;
                        method?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            label: string;
                            value: number | null;
                            low: number | null;
                            high: number | null;
                            /** @enum {string} */
                            qualifier: "exact" | "approximately" | "at_least" | "at_most";
                            unit: string;
                            period: {
                                from: string | null;
                                to: string | null;
                            };
                            sourceId: string | null;
                            statementId: string | null;
                            method: string;
                            isDemo: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Claims, newest first (cursor pagination); by status, verdict, published or not */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    status?: "unverified" | "in_review" | "verdict";
                    verdict?: "false" | "misleading" | "unproven" | "true";
                    /** @description only claims whose verdict is (true) or is not (false) published */
                    published?: boolean;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claims: {
                                id: string;
                                caseId: string;
                                text: string;
                                language: string;
                                firstSeen: {
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    at: string;
                                    /** @description IANA time zone, e.g. Asia/Damascus */
                                    timeZone: string | null;
                                    /**
                                     * @description how precisely the source gave the time
                                     * @enum {string}
                                     */
                                    precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                    /** @description in the source zone (or the case zone), no more precise than known */
                                    local: string;
                                    asWritten?: string | null;
                                } | null;
                                appearanceUrl: string | null;
                                claimantSourceId: string | null;
                                /** @enum {string} */
                                status: "unverified" | "in_review" | "verdict";
                                /** @enum {string|null} */
                                verdict: "false" | "misleading" | "unproven" | "true" | null;
                                rating: number | null;
                                ratingOverridden: boolean;
                                summary: string | null;
                                reviewedBy: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                reviewedAt: string | null;
                                verdictAsOf: {
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    at: string;
                                    /** @description IANA time zone, e.g. Asia/Damascus */
                                    timeZone: string | null;
                                    /**
                                     * @description how precisely the source gave the time
                                     * @enum {string}
                                     */
                                    precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                    /** @description in the source zone (or the case zone), no more precise than known */
                                    local: string;
                                    asWritten?: string | null;
                                } | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                publishedAt: string | null;
                                publicUrl: string | null;
                                authorName: string | null;
                                evidence: {
                                    id: string;
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    /** @enum {string} */
                                    targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                    targetId: string;
                                    note: string;
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    createdAt: string;
                                }[];
                                isDemo: boolean;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a claim; answers with similar claims already in the installation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        /** @description BCP 47 tag: ar, en, fr, ar-SY */
                        language: string;
                        firstSeen?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                        /**
                         * Format: http-url
                         * @description an http or https URL
                         */
                        appearanceUrl?: string;
                        /** Format: uuid */
                        claimantSourceId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                id: string;
                                caseId: string;
                                text: string;
                                language: string;
                                firstSeen: {
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    at: string;
                                    /** @description IANA time zone, e.g. Asia/Damascus */
                                    timeZone: string | null;
                                    /**
                                     * @description how precisely the source gave the time
                                     * @enum {string}
                                     */
                                    precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                    /** @description in the source zone (or the case zone), no more precise than known */
                                    local: string;
                                    asWritten?: string | null;
                                } | null;
                                appearanceUrl: string | null;
                                claimantSourceId: string | null;
                                /** @enum {string} */
                                status: "unverified" | "in_review" | "verdict";
                                /** @enum {string|null} */
                                verdict: "false" | "misleading" | "unproven" | "true" | null;
                                rating: number | null;
                                ratingOverridden: boolean;
                                summary: string | null;
                                reviewedBy: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                reviewedAt: string | null;
                                verdictAsOf: {
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    at: string;
                                    /** @description IANA time zone, e.g. Asia/Damascus */
                                    timeZone: string | null;
                                    /**
                                     * @description how precisely the source gave the time
                                     * @enum {string}
                                     */
                                    precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                    /** @description in the source zone (or the case zone), no more precise than known */
                                    local: string;
                                    asWritten?: string | null;
                                } | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                publishedAt: string | null;
                                publicUrl: string | null;
                                authorName: string | null;
                                evidence: {
                                    id: string;
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    /** @enum {string} */
                                    targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                    targetId: string;
                                    note: string;
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    createdAt: string;
                                }[];
                                isDemo: boolean;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            };
                            /** @description claims already in the installation that read alike: was this rumour already checked? */
                            similar: {
                                id: string;
                                caseId: string | null;
                                /** @description null for a published verdict of a case you are not a member of: only what it published is shown */
                                caseSlug: string | null;
                                text: string;
                                /** @enum {string|null} */
                                status: "unverified" | "in_review" | "verdict" | null;
                                /** @enum {string|null} */
                                verdict: "false" | "misleading" | "unproven" | "true" | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                publishedAt: string | null;
                                publicUrl: string | null;
                                score: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/claims/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Full-text and trigram search (Arabic and Latin) */
        get: {
            parameters: {
                query: {
                    q: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                id: string;
                                caseId: string | null;
                                /** @description null for a published verdict of a case you are not a member of: only what it published is shown */
                                caseSlug: string | null;
                                text: string;
                                /** @enum {string|null} */
                                status: "unverified" | "in_review" | "verdict" | null;
                                /** @enum {string|null} */
                                verdict: "false" | "misleading" | "unproven" | "true" | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                publishedAt: string | null;
                                publicUrl: string | null;
                                score: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/claims/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many claims are in each status, and how many verdicts are published */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unverified: number;
                            in_review: number;
                            /** @description with a verdict, published or not */
                            verdict: number;
                            /** @description with a published verdict */
                            published: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/claims/{claimId}/claimreview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The claim's ClaimReview: as published, or as publishing it now would make it (preview) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: this is how the verdict would be published now */
                            published: boolean;
                            /** @description schema.org ClaimReview (JSON-LD) */
                            claimReview: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/claims/{claimId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One claim with its evidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            text: string;
                            language: string;
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            appearanceUrl: string | null;
                            claimantSourceId: string | null;
                            /** @enum {string} */
                            status: "unverified" | "in_review" | "verdict";
                            /** @enum {string|null} */
                            verdict: "false" | "misleading" | "unproven" | "true" | null;
                            rating: number | null;
                            ratingOverridden: boolean;
                            summary: string | null;
                            reviewedBy: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            reviewedAt: string | null;
                            verdictAsOf: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            publishedAt: string | null;
                            publicUrl: string | null;
                            authorName: string | null;
                            evidence: {
                                id: string;
                                /** @enum {string} */
                                stance: "supports" | "refutes" | "context";
                                /** @enum {string} */
                                targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                targetId: string;
                                note: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            isDemo: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a claim (text, language, first seen, appearance, claimant); a changed text withdraws a publication */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text?: string;
                        /** @description BCP 47 tag: ar, en, fr, ar-SY */
                        language?: string;
                        firstSeen?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                        /**
                         * Format: http-url
                         * @description an http or https URL
                         */
                        appearanceUrl?: string;
                        /** Format: uuid */
                        claimantSourceId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            text: string;
                            language: string;
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            appearanceUrl: string | null;
                            claimantSourceId: string | null;
                            /** @enum {string} */
                            status: "unverified" | "in_review" | "verdict";
                            /** @enum {string|null} */
                            verdict: "false" | "misleading" | "unproven" | "true" | null;
                            rating: number | null;
                            ratingOverridden: boolean;
                            summary: string | null;
                            reviewedBy: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            reviewedAt: string | null;
                            verdictAsOf: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            publishedAt: string | null;
                            publicUrl: string | null;
                            authorName: string | null;
                            evidence: {
                                id: string;
                                /** @enum {string} */
                                stance: "supports" | "refutes" | "context";
                                /** @enum {string} */
                                targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                targetId: string;
                                note: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            isDemo: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/claims/{claimId}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start reviewing a claim (unverified → in_review) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            text: string;
                            language: string;
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            appearanceUrl: string | null;
                            claimantSourceId: string | null;
                            /** @enum {string} */
                            status: "unverified" | "in_review" | "verdict";
                            /** @enum {string|null} */
                            verdict: "false" | "misleading" | "unproven" | "true" | null;
                            rating: number | null;
                            ratingOverridden: boolean;
                            summary: string | null;
                            reviewedBy: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            reviewedAt: string | null;
                            verdictAsOf: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            publishedAt: string | null;
                            publicUrl: string | null;
                            authorName: string | null;
                            evidence: {
                                id: string;
                                /** @enum {string} */
                                stance: "supports" | "refutes" | "context";
                                /** @enum {string} */
                                targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                targetId: string;
                                note: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            isDemo: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/claims/{claimId}/verdict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set or revise the verdict (reviewers) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        verdict: "false" | "misleading" | "unproven" | "true";
                        summary: string;
                        /** @description default follows from the verdict */
                        rating?: number;
                        asOf?: {
                            at: string;
                            /** @description IANA time zone, e.g. Asia/Damascus */
                            timeZone?: string;
                            /**
                             * @description how precisely the source gave the time
                             * @enum {string}
                             */
                            precision?: "year" | "month" | "day" | "hour" | "minute" | "second";
                            /** @description the time as the source wrote it */
                            asWritten?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            text: string;
                            language: string;
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            appearanceUrl: string | null;
                            claimantSourceId: string | null;
                            /** @enum {string} */
                            status: "unverified" | "in_review" | "verdict";
                            /** @enum {string|null} */
                            verdict: "false" | "misleading" | "unproven" | "true" | null;
                            rating: number | null;
                            ratingOverridden: boolean;
                            summary: string | null;
                            reviewedBy: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            reviewedAt: string | null;
                            verdictAsOf: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            publishedAt: string | null;
                            publicUrl: string | null;
                            authorName: string | null;
                            evidence: {
                                id: string;
                                /** @enum {string} */
                                stance: "supports" | "refutes" | "context";
                                /** @enum {string} */
                                targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                targetId: string;
                                note: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            isDemo: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/claims/{claimId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the verdict */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            text: string;
                            language: string;
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            appearanceUrl: string | null;
                            claimantSourceId: string | null;
                            /** @enum {string} */
                            status: "unverified" | "in_review" | "verdict";
                            /** @enum {string|null} */
                            verdict: "false" | "misleading" | "unproven" | "true" | null;
                            rating: number | null;
                            ratingOverridden: boolean;
                            summary: string | null;
                            reviewedBy: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            reviewedAt: string | null;
                            verdictAsOf: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            publishedAt: string | null;
                            publicUrl: string | null;
                            authorName: string | null;
                            evidence: {
                                id: string;
                                /** @enum {string} */
                                stance: "supports" | "refutes" | "context";
                                /** @enum {string} */
                                targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                targetId: string;
                                note: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            isDemo: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/claims/{claimId}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link evidence (statement, sweep, figure) with a stance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        stance: "supports" | "refutes" | "context";
                        /** @enum {string} */
                        targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                        /** Format: uuid */
                        targetId: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            text: string;
                            language: string;
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            appearanceUrl: string | null;
                            claimantSourceId: string | null;
                            /** @enum {string} */
                            status: "unverified" | "in_review" | "verdict";
                            /** @enum {string|null} */
                            verdict: "false" | "misleading" | "unproven" | "true" | null;
                            rating: number | null;
                            ratingOverridden: boolean;
                            summary: string | null;
                            reviewedBy: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            reviewedAt: string | null;
                            verdictAsOf: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            publishedAt: string | null;
                            publicUrl: string | null;
                            authorName: string | null;
                            evidence: {
                                id: string;
                                /** @enum {string} */
                                stance: "supports" | "refutes" | "context";
                                /** @enum {string} */
                                targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                targetId: string;
                                note: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            isDemo: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/claims/{claimId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a published verdict (reviewers), with the reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            text: string;
                            language: string;
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            appearanceUrl: string | null;
                            claimantSourceId: string | null;
                            /** @enum {string} */
                            status: "unverified" | "in_review" | "verdict";
                            /** @enum {string|null} */
                            verdict: "false" | "misleading" | "unproven" | "true" | null;
                            rating: number | null;
                            ratingOverridden: boolean;
                            summary: string | null;
                            reviewedBy: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            reviewedAt: string | null;
                            verdictAsOf: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            publishedAt: string | null;
                            publicUrl: string | null;
                            authorName: string | null;
                            evidence: {
                                id: string;
                                /** @enum {string} */
                                stance: "supports" | "refutes" | "context";
                                /** @enum {string} */
                                targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                targetId: string;
                                note: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            isDemo: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Claims that read like a text (your cases, and published verdicts): "was this rumour already checked?" */
        get: {
            parameters: {
                query: {
                    q: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            similar: {
                                id: string;
                                caseId: string | null;
                                /** @description null for a published verdict of a case you are not a member of: only what it published is shown */
                                caseSlug: string | null;
                                text: string;
                                /** @enum {string|null} */
                                status: "unverified" | "in_review" | "verdict" | null;
                                /** @enum {string|null} */
                                verdict: "false" | "misleading" | "unproven" | "true" | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                publishedAt: string | null;
                                publicUrl: string | null;
                                score: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/claims/{claimId}/evidence/{evidenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink evidence from a claim (the record itself stays) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                    evidenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Correct the stance or note of linked evidence */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    claimId: string;
                    evidenceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        stance?: "supports" | "refutes" | "context";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            text: string;
                            language: string;
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            appearanceUrl: string | null;
                            claimantSourceId: string | null;
                            /** @enum {string} */
                            status: "unverified" | "in_review" | "verdict";
                            /** @enum {string|null} */
                            verdict: "false" | "misleading" | "unproven" | "true" | null;
                            rating: number | null;
                            ratingOverridden: boolean;
                            summary: string | null;
                            reviewedBy: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            reviewedAt: string | null;
                            verdictAsOf: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                /** @description IANA time zone, e.g. Asia/Damascus */
                                timeZone: string | null;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                /** @description in the source zone (or the case zone), no more precise than known */
                                local: string;
                                asWritten?: string | null;
                            } | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            publishedAt: string | null;
                            publicUrl: string | null;
                            authorName: string | null;
                            evidence: {
                                id: string;
                                /** @enum {string} */
                                stance: "supports" | "refutes" | "context";
                                /** @enum {string} */
                                targetType: "statement" | "sweep" | "figure" | "media_item" | "person";
                                targetId: string;
                                note: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                            isDemo: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/claimreview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** schema.org ClaimReview JSON-LD for every published verdict */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/verdicts/{claimId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A published verdict, for people (HTML with its ClaimReview) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/verdicts/{claimId}/claimreview.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A published verdict as schema.org ClaimReview JSON-LD */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    claimId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Media of a case, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    status?: "received" | "processing" | "processed" | "unreadable" | "failed";
                    kind?: "image" | "video" | "unknown";
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                caseId: string;
                                sha256: string;
                                size: number;
                                name: string;
                                /** @enum {string} */
                                kind: "image" | "video" | "unknown";
                                /** @enum {string} */
                                status: "received" | "processing" | "processed" | "unreadable" | "failed";
                                statusReason: string | null;
                                stage: string | null;
                                progress: number;
                                width: number | null;
                                height: number | null;
                                durationS: number | null;
                                hasThumbnail: boolean;
                                /** @description graphic (violence), identifiable (a person can be recognised), deleted_by_source */
                                sensitivity: ("graphic" | "identifiable" | "deleted_by_source")[];
                                /** @description the place of the case it was taken at */
                                placeId: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                                isDemo: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Store a file as evidence (the body is the file, streamed; the query says what it is)
         * @description Send the file as the body with Content-Type: application/octet-stream. It is hashed while it streams to the blob store, stored once (the same bytes again make a second capture of the same item), and processed in the background; with wait=true the answer comes after processing. 413 when over ATHAR_MEDIA_LIMIT_BYTES (nothing is kept).
         */
        post: {
            parameters: {
                query: {
                    /** @description the file name as collected */
                    name: string;
                    method?: "upload" | "file";
                    notes?: string;
                    /** @description an http or https URL */
                    sourceUrl?: string;
                    platform?: string;
                    account?: string;
                    title?: string;
                    /** @description when the source says it was posted (claimed, not observed) */
                    postedAt?: string;
                    /** @description where it was collected from (a local path, a device) */
                    from?: string;
                    tool?: string;
                    toolVersion?: string;
                    /** @description answer after processing (CLI ingest) */
                    wait?: boolean;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: {
                                id: string;
                                caseId: string;
                                sha256: string;
                                size: number;
                                name: string;
                                /** @enum {string} */
                                kind: "image" | "video" | "unknown";
                                /** @enum {string} */
                                status: "received" | "processing" | "processed" | "unreadable" | "failed";
                                statusReason: string | null;
                                stage: string | null;
                                progress: number;
                                width: number | null;
                                height: number | null;
                                durationS: number | null;
                                hasThumbnail: boolean;
                                /** @description graphic (violence), identifiable (a person can be recognised), deleted_by_source */
                                sensitivity: ("graphic" | "identifiable" | "deleted_by_source")[];
                                /** @description the place of the case it was taken at */
                                placeId: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                                isDemo: boolean;
                            };
                            capture: {
                                id: string;
                                /** @enum {string} */
                                method: "upload" | "file" | "url";
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                capturedFrom: string | null;
                                tool: string;
                                toolVersion: string;
                                sha256: string;
                                fileName: string | null;
                                notes: string;
                                sourceUrl: string | null;
                                platform: string | null;
                                account: string | null;
                                title: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                            };
                            /** @description the same bytes were already in this case (a new capture of one item) */
                            duplicate: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Begin a resumable upload (for large files and poor connections)
         * @description Say the file's size and what it is (as for a plain upload); then send its bytes in pieces with PATCH …/uploads/:id?offset=N, each starting where the server's `received` says. The last piece stores the file like a plain upload. 413 when the size is over ATHAR_MEDIA_LIMIT_BYTES. See src/modules/media/uploads.ts for the protocol.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the whole file, in bytes */
                        size: number;
                        /** @description the file name as collected */
                        name: string;
                        /**
                         * @default upload
                         * @enum {string}
                         */
                        method?: "upload" | "file";
                        notes?: string;
                        /**
                         * Format: http-url
                         * @description an http or https URL
                         */
                        sourceUrl?: string;
                        platform?: string;
                        account?: string;
                        title?: string;
                        /**
                         * Format: date-time
                         * @description when the source says it was posted (claimed, not observed)
                         */
                        postedAt?: string;
                        /** @description where it was collected from (a local path, a device) */
                        from?: string;
                        tool?: string;
                        toolVersion?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            size: number;
                            /** @description bytes the server has, flushed to disk: send from here */
                            received: number;
                            complete: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a resumable upload stands: the bytes the server has (send from there) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            size: number;
                            /** @description bytes the server has, flushed to disk: send from here */
                            received: number;
                            complete: boolean;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Abandon a resumable upload that is not complete (its bytes so far are removed) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Send the next piece of a resumable upload (the body is the bytes, from `offset`)
         * @description Content-Type: application/octet-stream. 409 media.upload_offset when `offset` is not the server's `received` (ask with GET and go on from there); 413 past the declared size. With the last byte the file is stored and `result` holds the item and capture; repeating that last piece gives the same answer.
         */
        patch: {
            parameters: {
                query: {
                    /** @description where this piece begins: the upload’s `received` */
                    offset: number;
                };
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            upload: {
                                id: string;
                                name: string;
                                size: number;
                                /** @description bytes the server has, flushed to disk: send from here */
                                received: number;
                                complete: boolean;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                updatedAt: string;
                            };
                            result: {
                                item: {
                                    id: string;
                                    caseId: string;
                                    sha256: string;
                                    size: number;
                                    name: string;
                                    /** @enum {string} */
                                    kind: "image" | "video" | "unknown";
                                    /** @enum {string} */
                                    status: "received" | "processing" | "processed" | "unreadable" | "failed";
                                    statusReason: string | null;
                                    stage: string | null;
                                    progress: number;
                                    width: number | null;
                                    height: number | null;
                                    durationS: number | null;
                                    hasThumbnail: boolean;
                                    /** @description graphic (violence), identifiable (a person can be recognised), deleted_by_source */
                                    sensitivity: ("graphic" | "identifiable" | "deleted_by_source")[];
                                    /** @description the place of the case it was taken at */
                                    placeId: string | null;
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    createdAt: string;
                                    isDemo: boolean;
                                };
                                capture: {
                                    id: string;
                                    /** @enum {string} */
                                    method: "upload" | "file" | "url";
                                    capturedBy: string;
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    capturedAt: string;
                                    capturedFrom: string | null;
                                    tool: string;
                                    toolVersion: string;
                                    sha256: string;
                                    fileName: string | null;
                                    notes: string;
                                    sourceUrl: string | null;
                                    platform: string | null;
                                    account: string | null;
                                    title: string | null;
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    postedAt: string | null;
                                };
                                /** @description the same bytes were already in this case (a new capture of one item) */
                                duplicate: boolean;
                            } | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/media/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Capture a URL: athar fetches it, keeps the exchange as a WARC, and stores the media
         * @description http and https only; private, loopback and link-local addresses are refused (checked on the address connected to) unless ATHAR_CAPTURE_ALLOW_PRIVATE is set; at most 5 redirects, ATHAR_CAPTURE_TIMEOUT_S for the whole exchange, ATHAR_MEDIA_LIMIT_BYTES for the body. A picture or a video becomes an item; a web page is kept as its WARC and the media it links to are captured too (up to 10).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http or https */
                        url: string;
                        notes?: string;
                        platform?: string;
                        account?: string;
                        title?: string;
                        /**
                         * Format: date-time
                         * @description when the source says it was posted (claimed)
                         */
                        postedAt?: string;
                        /**
                         * @description for a web page, also capture the pictures and videos it links to (up to 10)
                         * @default true
                         */
                        linked?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            capture: {
                                id: string;
                                /** @description the page this media was linked from */
                                parentId: string | null;
                                /** @description the URL as given */
                                url: string;
                                /** @description where the redirects ended */
                                finalUrl: string;
                                redirects: number;
                                httpStatus: number;
                                contentType: string | null;
                                /** @description the address athar connected to */
                                remoteAddress: string;
                                /** @description the WARC of the exchange, in the blob store */
                                warcSha256: string;
                                warcSize: number;
                                bodySha256: string | null;
                                bodySize: number;
                                /** @description the media item made from the body, if it was one */
                                itemId: string | null;
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                notes: string;
                            };
                            item: {
                                item: {
                                    id: string;
                                    caseId: string;
                                    sha256: string;
                                    size: number;
                                    name: string;
                                    /** @enum {string} */
                                    kind: "image" | "video" | "unknown";
                                    /** @enum {string} */
                                    status: "received" | "processing" | "processed" | "unreadable" | "failed";
                                    statusReason: string | null;
                                    stage: string | null;
                                    progress: number;
                                    width: number | null;
                                    height: number | null;
                                    durationS: number | null;
                                    hasThumbnail: boolean;
                                    /** @description graphic (violence), identifiable (a person can be recognised), deleted_by_source */
                                    sensitivity: ("graphic" | "identifiable" | "deleted_by_source")[];
                                    /** @description the place of the case it was taken at */
                                    placeId: string | null;
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    createdAt: string;
                                    isDemo: boolean;
                                };
                                capture: {
                                    id: string;
                                    /** @enum {string} */
                                    method: "upload" | "file" | "url";
                                    capturedBy: string;
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    capturedAt: string;
                                    capturedFrom: string | null;
                                    tool: string;
                                    toolVersion: string;
                                    sha256: string;
                                    fileName: string | null;
                                    notes: string;
                                    sourceUrl: string | null;
                                    platform: string | null;
                                    account: string | null;
                                    title: string | null;
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    postedAt: string | null;
                                };
                                /** @description the same bytes were already in this case (a new capture of one item) */
                                duplicate: boolean;
                            } | null;
                            linked: {
                                url: string;
                                capture: {
                                    id: string;
                                    /** @description the page this media was linked from */
                                    parentId: string | null;
                                    /** @description the URL as given */
                                    url: string;
                                    /** @description where the redirects ended */
                                    finalUrl: string;
                                    redirects: number;
                                    httpStatus: number;
                                    contentType: string | null;
                                    /** @description the address athar connected to */
                                    remoteAddress: string;
                                    /** @description the WARC of the exchange, in the blob store */
                                    warcSha256: string;
                                    warcSize: number;
                                    bodySha256: string | null;
                                    bodySize: number;
                                    /** @description the media item made from the body, if it was one */
                                    itemId: string | null;
                                    capturedBy: string;
                                    /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                    capturedAt: string;
                                    notes: string;
                                } | null;
                                item: {
                                    item: {
                                        id: string;
                                        caseId: string;
                                        sha256: string;
                                        size: number;
                                        name: string;
                                        /** @enum {string} */
                                        kind: "image" | "video" | "unknown";
                                        /** @enum {string} */
                                        status: "received" | "processing" | "processed" | "unreadable" | "failed";
                                        statusReason: string | null;
                                        stage: string | null;
                                        progress: number;
                                        width: number | null;
                                        height: number | null;
                                        durationS: number | null;
                                        hasThumbnail: boolean;
                                        /** @description graphic (violence), identifiable (a person can be recognised), deleted_by_source */
                                        sensitivity: ("graphic" | "identifiable" | "deleted_by_source")[];
                                        /** @description the place of the case it was taken at */
                                        placeId: string | null;
                                        /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                        createdAt: string;
                                        isDemo: boolean;
                                    };
                                    capture: {
                                        id: string;
                                        /** @enum {string} */
                                        method: "upload" | "file" | "url";
                                        capturedBy: string;
                                        /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                        capturedAt: string;
                                        capturedFrom: string | null;
                                        tool: string;
                                        toolVersion: string;
                                        sha256: string;
                                        fileName: string | null;
                                        notes: string;
                                        sourceUrl: string | null;
                                        platform: string | null;
                                        account: string | null;
                                        title: string | null;
                                        /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                        postedAt: string | null;
                                    };
                                    /** @description the same bytes were already in this case (a new capture of one item) */
                                    duplicate: boolean;
                                } | null;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/captures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's URL captures, newest first (a page kept only as its WARC is found here) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            captures: {
                                id: string;
                                /** @description the page this media was linked from */
                                parentId: string | null;
                                /** @description the URL as given */
                                url: string;
                                /** @description where the redirects ended */
                                finalUrl: string;
                                redirects: number;
                                httpStatus: number;
                                contentType: string | null;
                                /** @description the address athar connected to */
                                remoteAddress: string;
                                /** @description the WARC of the exchange, in the blob store */
                                warcSha256: string;
                                warcSize: number;
                                bodySha256: string | null;
                                bodySize: number;
                                /** @description the media item made from the body, if it was one */
                                itemId: string | null;
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                notes: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/captures/{id}/warc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The WARC of a URL capture (a custody event on the audit trail) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a file against every stored item without keeping it */
        post: {
            parameters: {
                query: {
                    name: string;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sha256: string;
                            /** @enum {string} */
                            kind: "image" | "video";
                            matches: {
                                itemId: string;
                                caseId: string;
                                /** @enum {string} */
                                how: "sha256" | "image" | "video";
                                /** @enum {string} */
                                status: "suggested" | "confirmed" | "rejected";
                                distance: number | null;
                                variant: string | null;
                                queryMatch: number | null;
                                ranges: {
                                    queryStart: number;
                                    queryEnd: number;
                                    targetStart: number;
                                    targetEnd: number;
                                }[];
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                                platform: string | null;
                                account: string | null;
                            }[];
                            /** @description matches in cases the reader may not see (counted, not shown) */
                            restricted: number;
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                itemId: string;
                                /** @description true: captured by athar; false: a posting time a source claims */
                                observed: boolean;
                            } | null;
                            signals: {
                                /** @enum {string} */
                                code: "appeared_before_event" | "copy_of_earlier" | "ai_generated" | "algorithmic" | "credentials_invalid" | "metadata_stripped" | "unreadable" | "source_offline";
                                /** @description what the signal rests on (a capture, a match, a metadata field) */
                                source: string;
                                detail: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Copies of this case's items stored in cases it cannot see (case administrators) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notices: {
                                id: string;
                                /** @description the item of this case that was matched */
                                itemId: string;
                                itemName: string;
                                how: string;
                                distance: number | null;
                                /** @description suggested or confirmed, when it was found */
                                status: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                note: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A media item: captures, metadata, matches, first seen and signals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            sha256: string;
                            size: number;
                            name: string;
                            /** @enum {string} */
                            kind: "image" | "video" | "unknown";
                            /** @enum {string} */
                            status: "received" | "processing" | "processed" | "unreadable" | "failed";
                            statusReason: string | null;
                            stage: string | null;
                            progress: number;
                            width: number | null;
                            height: number | null;
                            durationS: number | null;
                            hasThumbnail: boolean;
                            /** @description graphic (violence), identifiable (a person can be recognised), deleted_by_source */
                            sensitivity: ("graphic" | "identifiable" | "deleted_by_source")[];
                            /** @description the place of the case it was taken at */
                            placeId: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                            isDemo: boolean;
                        } & {
                            captures: {
                                id: string;
                                /** @enum {string} */
                                method: "upload" | "file" | "url";
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                capturedFrom: string | null;
                                tool: string;
                                toolVersion: string;
                                sha256: string;
                                fileName: string | null;
                                notes: string;
                                sourceUrl: string | null;
                                platform: string | null;
                                account: string | null;
                                title: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                            }[];
                            metadata: unknown;
                            /** @description content credentials (C2PA) as read offline (state none, valid, invalid, remote, unreadable); null until processed */
                            credentials: {
                                [key: string]: unknown;
                            } | null;
                            signals: {
                                /** @enum {string} */
                                code: "appeared_before_event" | "copy_of_earlier" | "ai_generated" | "algorithmic" | "credentials_invalid" | "metadata_stripped" | "unreadable" | "source_offline";
                                /** @description what the signal rests on (a capture, a match, a metadata field) */
                                source: string;
                                detail: string;
                            }[];
                            /** @description the URL captures that brought these bytes */
                            webCaptures: {
                                id: string;
                                /** @description the page this media was linked from */
                                parentId: string | null;
                                /** @description the URL as given */
                                url: string;
                                /** @description where the redirects ended */
                                finalUrl: string;
                                redirects: number;
                                httpStatus: number;
                                contentType: string | null;
                                /** @description the address athar connected to */
                                remoteAddress: string;
                                /** @description the WARC of the exchange, in the blob store */
                                warcSha256: string;
                                warcSize: number;
                                bodySha256: string | null;
                                bodySize: number;
                                /** @description the media item made from the body, if it was one */
                                itemId: string | null;
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                notes: string;
                            }[];
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                itemId: string;
                                /** @description true: captured by athar; false: a posting time a source claims */
                                observed: boolean;
                            } | null;
                            matches: ({
                                itemId: string;
                                caseId: string;
                                /** @enum {string} */
                                how: "sha256" | "image" | "video";
                                distance: number | null;
                                variant: string | null;
                                queryMatch: number | null;
                                ranges: {
                                    queryStart: number;
                                    queryEnd: number;
                                    targetStart: number;
                                    targetEnd: number;
                                }[];
                                /** @enum {string} */
                                status: "suggested" | "confirmed" | "rejected";
                                decidedBy: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                                platform: string | null;
                                account: string | null;
                            } | {
                                /** @enum {boolean} */
                                restricted: true;
                                note: string;
                            })[];
                            /** @description a video's keyframe strip (…/keyframes, one JPEG of the frames side by side) */
                            keyframes: {
                                /** @description seconds into the video of each frame, left to right */
                                times: number[];
                                tileWidth: number;
                                tileHeight: number;
                            } | null;
                            /** @description a web rendition (…/rendition: H.264, re-encoded by athar) exists, for a video a browser would not play as it is */
                            hasRendition: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set an item's sensitivity flags and its place */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sensitivity?: ("graphic" | "identifiable" | "deleted_by_source")[];
                        /** Format: uuid */
                        placeId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            sha256: string;
                            size: number;
                            name: string;
                            /** @enum {string} */
                            kind: "image" | "video" | "unknown";
                            /** @enum {string} */
                            status: "received" | "processing" | "processed" | "unreadable" | "failed";
                            statusReason: string | null;
                            stage: string | null;
                            progress: number;
                            width: number | null;
                            height: number | null;
                            durationS: number | null;
                            hasThumbnail: boolean;
                            /** @description graphic (violence), identifiable (a person can be recognised), deleted_by_source */
                            sensitivity: ("graphic" | "identifiable" | "deleted_by_source")[];
                            /** @description the place of the case it was taken at */
                            placeId: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                            isDemo: boolean;
                        } & {
                            captures: {
                                id: string;
                                /** @enum {string} */
                                method: "upload" | "file" | "url";
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                capturedFrom: string | null;
                                tool: string;
                                toolVersion: string;
                                sha256: string;
                                fileName: string | null;
                                notes: string;
                                sourceUrl: string | null;
                                platform: string | null;
                                account: string | null;
                                title: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                            }[];
                            metadata: unknown;
                            /** @description content credentials (C2PA) as read offline (state none, valid, invalid, remote, unreadable); null until processed */
                            credentials: {
                                [key: string]: unknown;
                            } | null;
                            signals: {
                                /** @enum {string} */
                                code: "appeared_before_event" | "copy_of_earlier" | "ai_generated" | "algorithmic" | "credentials_invalid" | "metadata_stripped" | "unreadable" | "source_offline";
                                /** @description what the signal rests on (a capture, a match, a metadata field) */
                                source: string;
                                detail: string;
                            }[];
                            /** @description the URL captures that brought these bytes */
                            webCaptures: {
                                id: string;
                                /** @description the page this media was linked from */
                                parentId: string | null;
                                /** @description the URL as given */
                                url: string;
                                /** @description where the redirects ended */
                                finalUrl: string;
                                redirects: number;
                                httpStatus: number;
                                contentType: string | null;
                                /** @description the address athar connected to */
                                remoteAddress: string;
                                /** @description the WARC of the exchange, in the blob store */
                                warcSha256: string;
                                warcSize: number;
                                bodySha256: string | null;
                                bodySize: number;
                                /** @description the media item made from the body, if it was one */
                                itemId: string | null;
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                notes: string;
                            }[];
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                itemId: string;
                                /** @description true: captured by athar; false: a posting time a source claims */
                                observed: boolean;
                            } | null;
                            matches: ({
                                itemId: string;
                                caseId: string;
                                /** @enum {string} */
                                how: "sha256" | "image" | "video";
                                distance: number | null;
                                variant: string | null;
                                queryMatch: number | null;
                                ranges: {
                                    queryStart: number;
                                    queryEnd: number;
                                    targetStart: number;
                                    targetEnd: number;
                                }[];
                                /** @enum {string} */
                                status: "suggested" | "confirmed" | "rejected";
                                decidedBy: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                                platform: string | null;
                                account: string | null;
                            } | {
                                /** @enum {boolean} */
                                restricted: true;
                                note: string;
                            })[];
                            /** @description a video's keyframe strip (…/keyframes, one JPEG of the frames side by side) */
                            keyframes: {
                                /** @description seconds into the video of each frame, left to right */
                                times: number[];
                                tileWidth: number;
                                tileHeight: number;
                            } | null;
                            /** @description a web rendition (…/rendition: H.264, re-encoded by athar) exists, for a video a browser would not play as it is */
                            hasRendition: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/media/{id}/original": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The original file (a custody event on the audit trail) */
        get: {
            parameters: {
                query?: {
                    download?: boolean;
                };
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A small JPEG working copy (not the original; no custody event) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/{id}/keyframes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A video's keyframe strip: one JPEG of frames side by side (a working copy; no custody event) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/{id}/rendition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A web rendition of a video a browser would not play as it is (H.264, re-encoded: a working copy, not the evidence; no custody event) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm or reject a suggested match (a rejection is remembered) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        otherId: string;
                        /** @enum {string} */
                        decision: "confirmed" | "rejected";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            sha256: string;
                            size: number;
                            name: string;
                            /** @enum {string} */
                            kind: "image" | "video" | "unknown";
                            /** @enum {string} */
                            status: "received" | "processing" | "processed" | "unreadable" | "failed";
                            statusReason: string | null;
                            stage: string | null;
                            progress: number;
                            width: number | null;
                            height: number | null;
                            durationS: number | null;
                            hasThumbnail: boolean;
                            /** @description graphic (violence), identifiable (a person can be recognised), deleted_by_source */
                            sensitivity: ("graphic" | "identifiable" | "deleted_by_source")[];
                            /** @description the place of the case it was taken at */
                            placeId: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                            isDemo: boolean;
                        } & {
                            captures: {
                                id: string;
                                /** @enum {string} */
                                method: "upload" | "file" | "url";
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                capturedFrom: string | null;
                                tool: string;
                                toolVersion: string;
                                sha256: string;
                                fileName: string | null;
                                notes: string;
                                sourceUrl: string | null;
                                platform: string | null;
                                account: string | null;
                                title: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                            }[];
                            metadata: unknown;
                            /** @description content credentials (C2PA) as read offline (state none, valid, invalid, remote, unreadable); null until processed */
                            credentials: {
                                [key: string]: unknown;
                            } | null;
                            signals: {
                                /** @enum {string} */
                                code: "appeared_before_event" | "copy_of_earlier" | "ai_generated" | "algorithmic" | "credentials_invalid" | "metadata_stripped" | "unreadable" | "source_offline";
                                /** @description what the signal rests on (a capture, a match, a metadata field) */
                                source: string;
                                detail: string;
                            }[];
                            /** @description the URL captures that brought these bytes */
                            webCaptures: {
                                id: string;
                                /** @description the page this media was linked from */
                                parentId: string | null;
                                /** @description the URL as given */
                                url: string;
                                /** @description where the redirects ended */
                                finalUrl: string;
                                redirects: number;
                                httpStatus: number;
                                contentType: string | null;
                                /** @description the address athar connected to */
                                remoteAddress: string;
                                /** @description the WARC of the exchange, in the blob store */
                                warcSha256: string;
                                warcSize: number;
                                bodySha256: string | null;
                                bodySize: number;
                                /** @description the media item made from the body, if it was one */
                                itemId: string | null;
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                notes: string;
                            }[];
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                itemId: string;
                                /** @description true: captured by athar; false: a posting time a source claims */
                                observed: boolean;
                            } | null;
                            matches: ({
                                itemId: string;
                                caseId: string;
                                /** @enum {string} */
                                how: "sha256" | "image" | "video";
                                distance: number | null;
                                variant: string | null;
                                queryMatch: number | null;
                                ranges: {
                                    queryStart: number;
                                    queryEnd: number;
                                    targetStart: number;
                                    targetEnd: number;
                                }[];
                                /** @enum {string} */
                                status: "suggested" | "confirmed" | "rejected";
                                decidedBy: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                                platform: string | null;
                                account: string | null;
                            } | {
                                /** @enum {boolean} */
                                restricted: true;
                                note: string;
                            })[];
                            /** @description a video's keyframe strip (…/keyframes, one JPEG of the frames side by side) */
                            keyframes: {
                                /** @description seconds into the video of each frame, left to right */
                                times: number[];
                                tileWidth: number;
                                tileHeight: number;
                            } | null;
                            /** @description a web rendition (…/rendition: H.264, re-encoded by athar) exists, for a video a browser would not play as it is */
                            hasRendition: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A media item by its id alone (members of its case only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            sha256: string;
                            size: number;
                            name: string;
                            /** @enum {string} */
                            kind: "image" | "video" | "unknown";
                            /** @enum {string} */
                            status: "received" | "processing" | "processed" | "unreadable" | "failed";
                            statusReason: string | null;
                            stage: string | null;
                            progress: number;
                            width: number | null;
                            height: number | null;
                            durationS: number | null;
                            hasThumbnail: boolean;
                            /** @description graphic (violence), identifiable (a person can be recognised), deleted_by_source */
                            sensitivity: ("graphic" | "identifiable" | "deleted_by_source")[];
                            /** @description the place of the case it was taken at */
                            placeId: string | null;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                            isDemo: boolean;
                        } & {
                            captures: {
                                id: string;
                                /** @enum {string} */
                                method: "upload" | "file" | "url";
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                capturedFrom: string | null;
                                tool: string;
                                toolVersion: string;
                                sha256: string;
                                fileName: string | null;
                                notes: string;
                                sourceUrl: string | null;
                                platform: string | null;
                                account: string | null;
                                title: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                            }[];
                            metadata: unknown;
                            /** @description content credentials (C2PA) as read offline (state none, valid, invalid, remote, unreadable); null until processed */
                            credentials: {
                                [key: string]: unknown;
                            } | null;
                            signals: {
                                /** @enum {string} */
                                code: "appeared_before_event" | "copy_of_earlier" | "ai_generated" | "algorithmic" | "credentials_invalid" | "metadata_stripped" | "unreadable" | "source_offline";
                                /** @description what the signal rests on (a capture, a match, a metadata field) */
                                source: string;
                                detail: string;
                            }[];
                            /** @description the URL captures that brought these bytes */
                            webCaptures: {
                                id: string;
                                /** @description the page this media was linked from */
                                parentId: string | null;
                                /** @description the URL as given */
                                url: string;
                                /** @description where the redirects ended */
                                finalUrl: string;
                                redirects: number;
                                httpStatus: number;
                                contentType: string | null;
                                /** @description the address athar connected to */
                                remoteAddress: string;
                                /** @description the WARC of the exchange, in the blob store */
                                warcSha256: string;
                                warcSize: number;
                                bodySha256: string | null;
                                bodySize: number;
                                /** @description the media item made from the body, if it was one */
                                itemId: string | null;
                                capturedBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string;
                                notes: string;
                            }[];
                            firstSeen: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                itemId: string;
                                /** @description true: captured by athar; false: a posting time a source claims */
                                observed: boolean;
                            } | null;
                            matches: ({
                                itemId: string;
                                caseId: string;
                                /** @enum {string} */
                                how: "sha256" | "image" | "video";
                                distance: number | null;
                                variant: string | null;
                                queryMatch: number | null;
                                ranges: {
                                    queryStart: number;
                                    queryEnd: number;
                                    targetStart: number;
                                    targetEnd: number;
                                }[];
                                /** @enum {string} */
                                status: "suggested" | "confirmed" | "rejected";
                                decidedBy: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                capturedAt: string | null;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                postedAt: string | null;
                                platform: string | null;
                                account: string | null;
                            } | {
                                /** @enum {boolean} */
                                restricted: true;
                                note: string;
                            })[];
                            /** @description a video's keyframe strip (…/keyframes, one JPEG of the frames side by side) */
                            keyframes: {
                                /** @description seconds into the video of each frame, left to right */
                                times: number[];
                                tileWidth: number;
                                tileHeight: number;
                            } | null;
                            /** @description a web rendition (…/rendition: H.264, re-encoded by athar) exists, for a video a browser would not play as it is */
                            hasRendition: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/blobs/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-hash every stored original; names any that changed or vanished */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            changed: {
                                sha256: string;
                                path: string;
                            }[];
                            missing: {
                                sha256: string;
                                path: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Persons of a case, in the order they were recorded (the list is recorded) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            persons: {
                                id: string;
                                caseId: string;
                                externalId: string | null;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                aliases: {
                                    name: string;
                                    /** @enum {string} */
                                    kind: "alias" | "nickname";
                                }[];
                                /** @enum {string} */
                                sex: "female" | "male" | "unknown";
                                birth: {
                                    date: string | null;
                                    ageFrom: number | null;
                                    ageTo: number | null;
                                    ageAsOf: string | null;
                                    yearFrom: number | null;
                                    yearTo: number | null;
                                };
                                birthplace: string;
                                description: string;
                                photoMediaId: string | null;
                                status: {
                                    /** @enum {string} */
                                    status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                    since: string | null;
                                    eventId: string | null;
                                    conflicts: string[];
                                };
                                isDemo: boolean;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a person (names by part in Arabic script and Latin letters) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        names: {
                            ar?: {
                                given?: string;
                                father?: string;
                                grandfather?: string;
                                family?: string;
                                motherGiven?: string;
                                motherFamily?: string;
                            };
                            lat?: {
                                given?: string;
                                father?: string;
                                grandfather?: string;
                                family?: string;
                                motherGiven?: string;
                                motherFamily?: string;
                            };
                        };
                        aliases?: {
                            name: string;
                            /** @enum {string} */
                            kind: "alias" | "nickname";
                        }[];
                        /** @enum {string} */
                        sex?: "female" | "male" | "unknown";
                        birth?: {
                            /** @description 1987, 1987-03 or 1987-03-14 */
                            date?: string;
                            ageFrom?: number;
                            ageTo?: number;
                            /** @description 1987, 1987-03 or 1987-03-14 */
                            ageAsOf?: string;
                        };
                        birthplace?: string;
                        description?: string;
                        /** Format: uuid */
                        photoMediaId?: string;
                        externalId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            externalId: string | null;
                            names: {
                                ar?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                                lat?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                            };
                            aliases: {
                                name: string;
                                /** @enum {string} */
                                kind: "alias" | "nickname";
                            }[];
                            /** @enum {string} */
                            sex: "female" | "male" | "unknown";
                            birth: {
                                date: string | null;
                                ageFrom: number | null;
                                ageTo: number | null;
                                ageAsOf: string | null;
                                yearFrom: number | null;
                                yearTo: number | null;
                            };
                            birthplace: string;
                            description: string;
                            photoMediaId: string | null;
                            status: {
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                since: string | null;
                                eventId: string | null;
                                conflicts: string[];
                            };
                            isDemo: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/persons/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import persons from a CSV file (all or nothing; a dry run reports what it would do)
         * @description Send the file as the body with Content-Type: application/octet-stream (UTF-8, with or without a byte-order mark, or Windows-1256). The answer is the report: rows accepted, rejected (line and reason), likely duplicates; `imported` says whether anything was stored. One audit event per import with the file's SHA-256 and the counts.
         */
        post: {
            parameters: {
                query?: {
                    /** @description report what the import would do, store nothing */
                    dryRun?: boolean;
                    /** @description import the valid rows even when some are rejected */
                    skipInvalid?: boolean;
                    /** @description "id" (update persons by athar id) or the header of the column holding your own ids */
                    updateBy?: string;
                    /** @description column=field (or column=ignore), repeated */
                    map?: string[];
                    /** @description the file format (found from the first bytes when not given: a ZIP is XLSX, XML is PFIF 1.4) */
                    format?: "csv" | "xlsx" | "pfif";
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            importId: string;
                            dryRun: boolean;
                            imported: boolean;
                            rows: number;
                            accepted: number;
                            created: number;
                            updated: number;
                            events: number;
                            rejected: {
                                line: number;
                                reason: string;
                            }[];
                            rejectedCount: number;
                            duplicates: {
                                line: number;
                                personId: string | null;
                                otherLine: number | null;
                                score: number;
                            }[];
                            sha256: string;
                            encoding: string;
                            bytes: number;
                            /** @enum {string} */
                            format: "csv" | "xlsx" | "pfif";
                            links: number;
                            unknownColumns: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/persons/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The case's persons as one file (case admins; recorded before it is sent)
         * @description CSV: UTF-8 with a byte-order mark, one row per person, cells that a spreadsheet would run as a formula prefixed with '. JSON: every person with their events. Headers x-athar-export-id, x-athar-sha256 and x-athar-persons describe the file; the export is on the audit trail with its SHA-256.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description csv (UTF-8 with a byte-order mark, for Excel), xlsx, json, or pfif (PFIF 1.4 with the athar extension)
                         * @enum {string}
                         */
                        format: "csv" | "xlsx" | "json" | "pfif";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/persons/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search persons by name in either script, with parents’ names and birth year (recorded) */
        get: {
            parameters: {
                query: {
                    /** @description a name in Arabic script or Latin letters */
                    q: string;
                    father?: string;
                    mother?: string;
                    birthYear?: number;
                    birthplace?: string;
                    status?: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                    placeId?: string;
                    bornFrom?: number;
                    bornTo?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                id: string;
                                score: number;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                matched: string;
                                explanation: {
                                    field: string;
                                    score: number | null;
                                    /** @enum {string} */
                                    effect: "supports" | "neutral" | "conflicts";
                                    detail: string;
                                }[];
                                father: string | null;
                                mother: string | null;
                                birth: {
                                    date: string | null;
                                    ageFrom: number | null;
                                    ageTo: number | null;
                                    ageAsOf: string | null;
                                    yearFrom: number | null;
                                    yearTo: number | null;
                                };
                                birthplace: string;
                                lastEvent: {
                                    /** @enum {string} */
                                    kind: "reported_missing" | "arrested" | "seen_in_detention" | "transferred" | "seen" | "released" | "reported_dead" | "remains_identified";
                                    date: string | null;
                                } | null;
                            }[];
                            candidates: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person with their events (the opening is recorded) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            externalId: string | null;
                            names: {
                                ar?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                                lat?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                            };
                            aliases: {
                                name: string;
                                /** @enum {string} */
                                kind: "alias" | "nickname";
                            }[];
                            /** @enum {string} */
                            sex: "female" | "male" | "unknown";
                            birth: {
                                date: string | null;
                                ageFrom: number | null;
                                ageTo: number | null;
                                ageAsOf: string | null;
                                yearFrom: number | null;
                                yearTo: number | null;
                            };
                            birthplace: string;
                            description: string;
                            photoMediaId: string | null;
                            status: {
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                since: string | null;
                                eventId: string | null;
                                conflicts: string[];
                            };
                            isDemo: boolean;
                            createdAt: string;
                            updatedAt: string;
                            events: {
                                id: string;
                                personId: string;
                                /** @enum {string} */
                                kind: "reported_missing" | "arrested" | "seen_in_detention" | "transferred" | "seen" | "released" | "reported_dead" | "remains_identified";
                                date: string | null;
                                placeId: string | null;
                                source: string;
                                sourceId: string | null;
                                /** @enum {string} */
                                certainty: "reported" | "believed" | "confirmed";
                                evidence: ({
                                    /** @enum {string} */
                                    kind: "statement";
                                    /** Format: uuid */
                                    id: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "media";
                                    /** Format: uuid */
                                    id: string;
                                    fromS?: number;
                                    toS?: number;
                                } | {
                                    /** @enum {string} */
                                    kind: "document";
                                    description: string;
                                })[];
                                notes: string;
                                recordedBy: string;
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a person */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        names?: {
                            ar?: {
                                given?: string;
                                father?: string;
                                grandfather?: string;
                                family?: string;
                                motherGiven?: string;
                                motherFamily?: string;
                            };
                            lat?: {
                                given?: string;
                                father?: string;
                                grandfather?: string;
                                family?: string;
                                motherGiven?: string;
                                motherFamily?: string;
                            };
                        };
                        aliases?: {
                            name: string;
                            /** @enum {string} */
                            kind: "alias" | "nickname";
                        }[];
                        /** @enum {string} */
                        sex?: "female" | "male" | "unknown";
                        birth?: {
                            /** @description 1987, 1987-03 or 1987-03-14 */
                            date?: string;
                            ageFrom?: number;
                            ageTo?: number;
                            /** @description 1987, 1987-03 or 1987-03-14 */
                            ageAsOf?: string;
                        } | null;
                        birthplace?: string;
                        description?: string;
                        /** Format: uuid */
                        photoMediaId?: string | null;
                        externalId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            externalId: string | null;
                            names: {
                                ar?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                                lat?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                            };
                            aliases: {
                                name: string;
                                /** @enum {string} */
                                kind: "alias" | "nickname";
                            }[];
                            /** @enum {string} */
                            sex: "female" | "male" | "unknown";
                            birth: {
                                date: string | null;
                                ageFrom: number | null;
                                ageTo: number | null;
                                ageAsOf: string | null;
                                yearFrom: number | null;
                                yearTo: number | null;
                            };
                            birthplace: string;
                            description: string;
                            photoMediaId: string | null;
                            status: {
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                since: string | null;
                                eventId: string | null;
                                conflicts: string[];
                            };
                            isDemo: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cases/{caseId}/persons/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an event (reported missing, arrested, seen, released, …); the status follows */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "reported_missing" | "arrested" | "seen_in_detention" | "transferred" | "seen" | "released" | "reported_dead" | "remains_identified";
                        /** @description 1987, 1987-03 or 1987-03-14 */
                        date?: string;
                        /** Format: uuid */
                        placeId?: string;
                        source?: string;
                        /** Format: uuid */
                        sourceId?: string;
                        /** @enum {string} */
                        certainty: "reported" | "believed" | "confirmed";
                        evidence?: ({
                            /** @enum {string} */
                            kind: "statement";
                            /** Format: uuid */
                            id: string;
                        } | {
                            /** @enum {string} */
                            kind: "media";
                            /** Format: uuid */
                            id: string;
                            fromS?: number;
                            toS?: number;
                        } | {
                            /** @enum {string} */
                            kind: "document";
                            description: string;
                        })[];
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            event: {
                                id: string;
                                personId: string;
                                /** @enum {string} */
                                kind: "reported_missing" | "arrested" | "seen_in_detention" | "transferred" | "seen" | "released" | "reported_dead" | "remains_identified";
                                date: string | null;
                                placeId: string | null;
                                source: string;
                                sourceId: string | null;
                                /** @enum {string} */
                                certainty: "reported" | "believed" | "confirmed";
                                evidence: ({
                                    /** @enum {string} */
                                    kind: "statement";
                                    /** Format: uuid */
                                    id: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "media";
                                    /** Format: uuid */
                                    id: string;
                                    fromS?: number;
                                    toS?: number;
                                } | {
                                    /** @enum {string} */
                                    kind: "document";
                                    description: string;
                                })[];
                                notes: string;
                                recordedBy: string;
                                recordedAt: string;
                            };
                            person: {
                                id: string;
                                caseId: string;
                                externalId: string | null;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                aliases: {
                                    name: string;
                                    /** @enum {string} */
                                    kind: "alias" | "nickname";
                                }[];
                                /** @enum {string} */
                                sex: "female" | "male" | "unknown";
                                birth: {
                                    date: string | null;
                                    ageFrom: number | null;
                                    ageTo: number | null;
                                    ageAsOf: string | null;
                                    yearFrom: number | null;
                                    yearTo: number | null;
                                };
                                birthplace: string;
                                description: string;
                                photoMediaId: string | null;
                                status: {
                                    /** @enum {string} */
                                    status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                    since: string | null;
                                    eventId: string | null;
                                    conflicts: string[];
                                };
                                isDemo: boolean;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/persons/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's links, likely duplicates not linked yet, and the combined view of a 'same person' group (recorded) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            links: {
                                id: string;
                                personId: string;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                                /** @enum {string} */
                                kind: "same_person" | "possible_duplicate" | "distinct";
                                /** @enum {string} */
                                certainty: "reported" | "believed" | "confirmed";
                                note: string;
                                createdBy: string;
                                createdAt: string;
                            }[];
                            suggestions: {
                                personId: string;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                                score: number;
                                explanation: {
                                    field: string;
                                    score: number | null;
                                    /** @enum {string} */
                                    effect: "supports" | "neutral" | "conflicts";
                                    detail: string;
                                }[];
                            }[];
                            combined: {
                                personIds: string[];
                                cut: boolean;
                                spellings: {
                                    personId: string;
                                    names: {
                                        ar?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                        lat?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                    };
                                    aliases: string[];
                                }[];
                                status: {
                                    /** @enum {string} */
                                    status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                    since: string | null;
                                    eventId: string | null;
                                    conflicts: string[];
                                };
                                events: {
                                    id: string;
                                    personId: string;
                                    /** @enum {string} */
                                    kind: "reported_missing" | "arrested" | "seen_in_detention" | "transferred" | "seen" | "released" | "reported_dead" | "remains_identified";
                                    date: string | null;
                                    placeId: string | null;
                                    source: string;
                                    sourceId: string | null;
                                    /** @enum {string} */
                                    certainty: "reported" | "believed" | "confirmed";
                                    evidence: ({
                                        /** @enum {string} */
                                        kind: "statement";
                                        /** Format: uuid */
                                        id: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "media";
                                        /** Format: uuid */
                                        id: string;
                                        fromS?: number;
                                        toS?: number;
                                    } | {
                                        /** @enum {string} */
                                        kind: "document";
                                        description: string;
                                    })[];
                                    notes: string;
                                    recordedBy: string;
                                    recordedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Link two records as 'same person', 'possible duplicate' or 'distinct' (never a merge) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        personId: string;
                        /** @enum {string} */
                        kind: "same_person" | "possible_duplicate" | "distinct";
                        /** @enum {string} */
                        certainty: "reported" | "believed" | "confirmed";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            links: {
                                id: string;
                                personId: string;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                                /** @enum {string} */
                                kind: "same_person" | "possible_duplicate" | "distinct";
                                /** @enum {string} */
                                certainty: "reported" | "believed" | "confirmed";
                                note: string;
                                createdBy: string;
                                createdAt: string;
                            }[];
                            suggestions: {
                                personId: string;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                                score: number;
                                explanation: {
                                    field: string;
                                    score: number | null;
                                    /** @enum {string} */
                                    effect: "supports" | "neutral" | "conflicts";
                                    detail: string;
                                }[];
                            }[];
                            combined: {
                                personIds: string[];
                                cut: boolean;
                                spellings: {
                                    personId: string;
                                    names: {
                                        ar?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                        lat?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                    };
                                    aliases: string[];
                                }[];
                                status: {
                                    /** @enum {string} */
                                    status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                    since: string | null;
                                    eventId: string | null;
                                    conflicts: string[];
                                };
                                events: {
                                    id: string;
                                    personId: string;
                                    /** @enum {string} */
                                    kind: "reported_missing" | "arrested" | "seen_in_detention" | "transferred" | "seen" | "released" | "reported_dead" | "remains_identified";
                                    date: string | null;
                                    placeId: string | null;
                                    source: string;
                                    sourceId: string | null;
                                    /** @enum {string} */
                                    certainty: "reported" | "believed" | "confirmed";
                                    evidence: ({
                                        /** @enum {string} */
                                        kind: "statement";
                                        /** Format: uuid */
                                        id: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "media";
                                        /** Format: uuid */
                                        id: string;
                                        fromS?: number;
                                        toS?: number;
                                    } | {
                                        /** @enum {string} */
                                        kind: "document";
                                        description: string;
                                    })[];
                                    notes: string;
                                    recordedBy: string;
                                    recordedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/persons/{id}/links/{otherId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink two records (the link stays in the history, marked removed) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                    otherId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            links: {
                                id: string;
                                personId: string;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                                /** @enum {string} */
                                kind: "same_person" | "possible_duplicate" | "distinct";
                                /** @enum {string} */
                                certainty: "reported" | "believed" | "confirmed";
                                note: string;
                                createdBy: string;
                                createdAt: string;
                            }[];
                            suggestions: {
                                personId: string;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                                score: number;
                                explanation: {
                                    field: string;
                                    score: number | null;
                                    /** @enum {string} */
                                    effect: "supports" | "neutral" | "conflicts";
                                    detail: string;
                                }[];
                            }[];
                            combined: {
                                personIds: string[];
                                cut: boolean;
                                spellings: {
                                    personId: string;
                                    names: {
                                        ar?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                        lat?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                    };
                                    aliases: string[];
                                }[];
                                status: {
                                    /** @enum {string} */
                                    status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                    since: string | null;
                                    eventId: string | null;
                                    conflicts: string[];
                                };
                                events: {
                                    id: string;
                                    personId: string;
                                    /** @enum {string} */
                                    kind: "reported_missing" | "arrested" | "seen_in_detention" | "transferred" | "seen" | "released" | "reported_dead" | "remains_identified";
                                    date: string | null;
                                    placeId: string | null;
                                    source: string;
                                    sourceId: string | null;
                                    /** @enum {string} */
                                    certainty: "reported" | "believed" | "confirmed";
                                    evidence: ({
                                        /** @enum {string} */
                                        kind: "statement";
                                        /** Format: uuid */
                                        id: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "media";
                                        /** Format: uuid */
                                        id: string;
                                        fromS?: number;
                                        toS?: number;
                                    } | {
                                        /** @enum {string} */
                                        kind: "document";
                                        description: string;
                                    })[];
                                    notes: string;
                                    recordedBy: string;
                                    recordedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/release-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Release lists of a case, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lists: {
                                id: string;
                                title: string;
                                /** @enum {string} */
                                eventKind: "released" | "seen";
                                date: string | null;
                                lines: number;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Match a release list against the registry (text, one person per line, or CSV)
         * @description Send the list as the body with Content-Type: application/octet-stream: text with one person per line in either script (the list’s own numbering is taken off), or a CSV with the import’s columns. Every line is matched at once; the candidates wait for a caseworker.
         */
        post: {
            parameters: {
                query: {
                    /** @description what the list is, as its publisher called it */
                    title: string;
                    /** @description what a confirmed line adds to the person: released (the default) or seen */
                    kind?: "released" | "seen";
                    /** @description 1987, 1987-03 or 1987-03-14 */
                    date?: string;
                    /** @description who published it */
                    source?: string;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            eventKind: "released" | "seen";
                            date: string | null;
                            source: string;
                            sha256: string;
                            createdBy: string;
                            createdAt: string;
                            lines: {
                                line: number;
                                text: string;
                                problem: string | null;
                                inquiries: {
                                    inquiryId: string;
                                    score: number;
                                    relation: string;
                                    /** @enum {string} */
                                    status: "open" | "closed";
                                }[];
                                candidates: {
                                    personId: string;
                                    score: number;
                                    explanation: {
                                        field: string;
                                        score: number | null;
                                        /** @enum {string} */
                                        effect: "supports" | "neutral" | "conflicts";
                                        detail: string;
                                    }[];
                                    names: {
                                        ar?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                        lat?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                    };
                                    /** @enum {string} */
                                    status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                    father: string | null;
                                    mother: string | null;
                                    birthYears: {
                                        from: number | null;
                                        to: number | null;
                                    };
                                    /** @enum {string|null} */
                                    decision: "confirmed" | "rejected" | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/release-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A release list with each line’s candidates and decisions (the review is recorded) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            eventKind: "released" | "seen";
                            date: string | null;
                            source: string;
                            sha256: string;
                            createdBy: string;
                            createdAt: string;
                            lines: {
                                line: number;
                                text: string;
                                problem: string | null;
                                inquiries: {
                                    inquiryId: string;
                                    score: number;
                                    relation: string;
                                    /** @enum {string} */
                                    status: "open" | "closed";
                                }[];
                                candidates: {
                                    personId: string;
                                    score: number;
                                    explanation: {
                                        field: string;
                                        score: number | null;
                                        /** @enum {string} */
                                        effect: "supports" | "neutral" | "conflicts";
                                        detail: string;
                                    }[];
                                    names: {
                                        ar?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                        lat?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                    };
                                    /** @enum {string} */
                                    status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                    father: string | null;
                                    mother: string | null;
                                    birthYears: {
                                        from: number | null;
                                        to: number | null;
                                    };
                                    /** @enum {string|null} */
                                    decision: "confirmed" | "rejected" | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/release-lists/{id}/lines/{line}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a line’s candidate (adds the list’s event to the person) or reject it (remembered) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                    line: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        personId: string;
                        /** @enum {string} */
                        decision: "confirm" | "reject";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @enum {string} */
                            eventKind: "released" | "seen";
                            date: string | null;
                            source: string;
                            sha256: string;
                            createdBy: string;
                            createdAt: string;
                            lines: {
                                line: number;
                                text: string;
                                problem: string | null;
                                inquiries: {
                                    inquiryId: string;
                                    score: number;
                                    relation: string;
                                    /** @enum {string} */
                                    status: "open" | "closed";
                                }[];
                                candidates: {
                                    personId: string;
                                    score: number;
                                    explanation: {
                                        field: string;
                                        score: number | null;
                                        /** @enum {string} */
                                        effect: "supports" | "neutral" | "conflicts";
                                        detail: string;
                                    }[];
                                    names: {
                                        ar?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                        lat?: {
                                            given?: string;
                                            father?: string;
                                            grandfather?: string;
                                            family?: string;
                                            motherGiven?: string;
                                            motherFamily?: string;
                                        };
                                    };
                                    /** @enum {string} */
                                    status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                    father: string | null;
                                    mother: string | null;
                                    birthYears: {
                                        from: number | null;
                                        to: number | null;
                                    };
                                    /** @enum {string|null} */
                                    decision: "confirmed" | "rejected" | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person by id alone (caseworkers and admins of its case; the opening is recorded) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            externalId: string | null;
                            names: {
                                ar?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                                lat?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                            };
                            aliases: {
                                name: string;
                                /** @enum {string} */
                                kind: "alias" | "nickname";
                            }[];
                            /** @enum {string} */
                            sex: "female" | "male" | "unknown";
                            birth: {
                                date: string | null;
                                ageFrom: number | null;
                                ageTo: number | null;
                                ageAsOf: string | null;
                                yearFrom: number | null;
                                yearTo: number | null;
                            };
                            birthplace: string;
                            description: string;
                            photoMediaId: string | null;
                            status: {
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                since: string | null;
                                eventId: string | null;
                                conflicts: string[];
                            };
                            isDemo: boolean;
                            createdAt: string;
                            updatedAt: string;
                            events: {
                                id: string;
                                personId: string;
                                /** @enum {string} */
                                kind: "reported_missing" | "arrested" | "seen_in_detention" | "transferred" | "seen" | "released" | "reported_dead" | "remains_identified";
                                date: string | null;
                                placeId: string | null;
                                source: string;
                                sourceId: string | null;
                                /** @enum {string} */
                                certainty: "reported" | "believed" | "confirmed";
                                evidence: ({
                                    /** @enum {string} */
                                    kind: "statement";
                                    /** Format: uuid */
                                    id: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "media";
                                    /** Format: uuid */
                                    id: string;
                                    fromS?: number;
                                    toS?: number;
                                } | {
                                    /** @enum {string} */
                                    kind: "document";
                                    description: string;
                                })[];
                                notes: string;
                                recordedBy: string;
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/inquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's inquiries, oldest first, with their waiting and confirmed matches (recorded) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "open" | "closed";
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            inquiries: {
                                id: string;
                                caseId: string;
                                /** @enum {string} */
                                channel: "desk" | "public";
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                sex: "female" | "male" | "unknown";
                                bornFrom: number | null;
                                bornTo: number | null;
                                birthplace: string;
                                lastSeen: string;
                                details: string;
                                relation: string;
                                contact: {
                                    /** @enum {string} */
                                    state: "sealed" | "none" | "erased" | "purged";
                                    removedAt: string | null;
                                };
                                consent: {
                                    processing: boolean;
                                    share: boolean;
                                    at: string;
                                };
                                /** @enum {string} */
                                status: "open" | "closed";
                                closedAt: string | null;
                                closedReason: string | null;
                                suggested: number;
                                confirmed: number;
                                createdBy: string;
                                isDemo: boolean;
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a family's inquiry (contact details sealed); it is matched at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        names: {
                            ar?: {
                                given?: string;
                                father?: string;
                                grandfather?: string;
                                family?: string;
                                motherGiven?: string;
                                motherFamily?: string;
                            };
                            lat?: {
                                given?: string;
                                father?: string;
                                grandfather?: string;
                                family?: string;
                                motherGiven?: string;
                                motherFamily?: string;
                            };
                        };
                        /** @enum {string} */
                        sex?: "female" | "male" | "unknown";
                        bornFrom?: number;
                        bornTo?: number;
                        birthplace?: string;
                        /** @description when and where the family last had news of them */
                        lastSeen?: string;
                        details?: string;
                        /** @description the requester's relation to them */
                        relation: string;
                        contact?: {
                            name?: string;
                            phone?: string;
                            email?: string;
                            address?: string;
                            notes?: string;
                        };
                        consent: {
                            /** @enum {boolean} */
                            processing: true;
                            /** @default false */
                            share?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            channel: "desk" | "public";
                            names: {
                                ar?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                                lat?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                            };
                            /** @enum {string} */
                            sex: "female" | "male" | "unknown";
                            bornFrom: number | null;
                            bornTo: number | null;
                            birthplace: string;
                            lastSeen: string;
                            details: string;
                            relation: string;
                            contact: {
                                /** @enum {string} */
                                state: "sealed" | "none" | "erased" | "purged";
                                removedAt: string | null;
                            };
                            consent: {
                                processing: boolean;
                                share: boolean;
                                at: string;
                            };
                            /** @enum {string} */
                            status: "open" | "closed";
                            closedAt: string | null;
                            closedReason: string | null;
                            suggested: number;
                            confirmed: number;
                            createdBy: string;
                            isDemo: boolean;
                            createdAt: string;
                            matches: {
                                personId: string;
                                score: number;
                                explanation: {
                                    field: string;
                                    score: number | null;
                                    /** @enum {string} */
                                    effect: "supports" | "neutral" | "conflicts";
                                    detail: string;
                                }[];
                                foundBy: string;
                                /** @enum {string} */
                                state: "suggested" | "confirmed" | "rejected";
                                decidedBy: string | null;
                                decidedAt: string | null;
                                eventId: string | null;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                            }[];
                            tasks: {
                                id: string;
                                /** @enum {string} */
                                kind: "contact_family";
                                inquiryId: string;
                                personId: string | null;
                                /** @enum {string} */
                                reason: "match_confirmed" | "person_event";
                                eventId: string | null;
                                /** @enum {string} */
                                state: "open" | "done";
                                doneBy: string | null;
                                doneAt: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/inquiries/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Match every open inquiry against the registry again (new suggestions only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            inquiries: number;
                            suggested: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/inquiries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One inquiry with its suggested matches and tasks (the opening is recorded; no contact details) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            channel: "desk" | "public";
                            names: {
                                ar?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                                lat?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                            };
                            /** @enum {string} */
                            sex: "female" | "male" | "unknown";
                            bornFrom: number | null;
                            bornTo: number | null;
                            birthplace: string;
                            lastSeen: string;
                            details: string;
                            relation: string;
                            contact: {
                                /** @enum {string} */
                                state: "sealed" | "none" | "erased" | "purged";
                                removedAt: string | null;
                            };
                            consent: {
                                processing: boolean;
                                share: boolean;
                                at: string;
                            };
                            /** @enum {string} */
                            status: "open" | "closed";
                            closedAt: string | null;
                            closedReason: string | null;
                            suggested: number;
                            confirmed: number;
                            createdBy: string;
                            isDemo: boolean;
                            createdAt: string;
                            matches: {
                                personId: string;
                                score: number;
                                explanation: {
                                    field: string;
                                    score: number | null;
                                    /** @enum {string} */
                                    effect: "supports" | "neutral" | "conflicts";
                                    detail: string;
                                }[];
                                foundBy: string;
                                /** @enum {string} */
                                state: "suggested" | "confirmed" | "rejected";
                                decidedBy: string | null;
                                decidedAt: string | null;
                                eventId: string | null;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                            }[];
                            tasks: {
                                id: string;
                                /** @enum {string} */
                                kind: "contact_family";
                                inquiryId: string;
                                personId: string | null;
                                /** @enum {string} */
                                reason: "match_confirmed" | "person_event";
                                eventId: string | null;
                                /** @enum {string} */
                                state: "open" | "done";
                                doneBy: string | null;
                                doneAt: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/inquiries/{id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The requester's contact details, for contacting them (give the reason; recorded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description why the contact details are needed */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            state: "sealed" | "none" | "erased" | "purged";
                            contact: {
                                name?: string;
                                phone?: string;
                                email?: string;
                                address?: string;
                                notes?: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/inquiries/{id}/matches/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a suggested match (adds the family's report and a task to contact them) or reject it (remembered) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                    personId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "confirm" | "reject";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            channel: "desk" | "public";
                            names: {
                                ar?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                                lat?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                            };
                            /** @enum {string} */
                            sex: "female" | "male" | "unknown";
                            bornFrom: number | null;
                            bornTo: number | null;
                            birthplace: string;
                            lastSeen: string;
                            details: string;
                            relation: string;
                            contact: {
                                /** @enum {string} */
                                state: "sealed" | "none" | "erased" | "purged";
                                removedAt: string | null;
                            };
                            consent: {
                                processing: boolean;
                                share: boolean;
                                at: string;
                            };
                            /** @enum {string} */
                            status: "open" | "closed";
                            closedAt: string | null;
                            closedReason: string | null;
                            suggested: number;
                            confirmed: number;
                            createdBy: string;
                            isDemo: boolean;
                            createdAt: string;
                            matches: {
                                personId: string;
                                score: number;
                                explanation: {
                                    field: string;
                                    score: number | null;
                                    /** @enum {string} */
                                    effect: "supports" | "neutral" | "conflicts";
                                    detail: string;
                                }[];
                                foundBy: string;
                                /** @enum {string} */
                                state: "suggested" | "confirmed" | "rejected";
                                decidedBy: string | null;
                                decidedAt: string | null;
                                eventId: string | null;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                            }[];
                            tasks: {
                                id: string;
                                /** @enum {string} */
                                kind: "contact_family";
                                inquiryId: string;
                                personId: string | null;
                                /** @enum {string} */
                                reason: "match_confirmed" | "person_event";
                                eventId: string | null;
                                /** @enum {string} */
                                state: "open" | "done";
                                doneBy: string | null;
                                doneAt: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/inquiries/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an inquiry; its contact details are purged after the retention period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            channel: "desk" | "public";
                            names: {
                                ar?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                                lat?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                            };
                            /** @enum {string} */
                            sex: "female" | "male" | "unknown";
                            bornFrom: number | null;
                            bornTo: number | null;
                            birthplace: string;
                            lastSeen: string;
                            details: string;
                            relation: string;
                            contact: {
                                /** @enum {string} */
                                state: "sealed" | "none" | "erased" | "purged";
                                removedAt: string | null;
                            };
                            consent: {
                                processing: boolean;
                                share: boolean;
                                at: string;
                            };
                            /** @enum {string} */
                            status: "open" | "closed";
                            closedAt: string | null;
                            closedReason: string | null;
                            suggested: number;
                            confirmed: number;
                            createdBy: string;
                            isDemo: boolean;
                            createdAt: string;
                            matches: {
                                personId: string;
                                score: number;
                                explanation: {
                                    field: string;
                                    score: number | null;
                                    /** @enum {string} */
                                    effect: "supports" | "neutral" | "conflicts";
                                    detail: string;
                                }[];
                                foundBy: string;
                                /** @enum {string} */
                                state: "suggested" | "confirmed" | "rejected";
                                decidedBy: string | null;
                                decidedAt: string | null;
                                eventId: string | null;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                            }[];
                            tasks: {
                                id: string;
                                /** @enum {string} */
                                kind: "contact_family";
                                inquiryId: string;
                                personId: string | null;
                                /** @enum {string} */
                                reason: "match_confirmed" | "person_event";
                                eventId: string | null;
                                /** @enum {string} */
                                state: "open" | "done";
                                doneBy: string | null;
                                doneAt: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/inquiries/{id}/erase-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase the requester's contact details (destroys their key; case admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            channel: "desk" | "public";
                            names: {
                                ar?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                                lat?: {
                                    given?: string;
                                    father?: string;
                                    grandfather?: string;
                                    family?: string;
                                    motherGiven?: string;
                                    motherFamily?: string;
                                };
                            };
                            /** @enum {string} */
                            sex: "female" | "male" | "unknown";
                            bornFrom: number | null;
                            bornTo: number | null;
                            birthplace: string;
                            lastSeen: string;
                            details: string;
                            relation: string;
                            contact: {
                                /** @enum {string} */
                                state: "sealed" | "none" | "erased" | "purged";
                                removedAt: string | null;
                            };
                            consent: {
                                processing: boolean;
                                share: boolean;
                                at: string;
                            };
                            /** @enum {string} */
                            status: "open" | "closed";
                            closedAt: string | null;
                            closedReason: string | null;
                            suggested: number;
                            confirmed: number;
                            createdBy: string;
                            isDemo: boolean;
                            createdAt: string;
                            matches: {
                                personId: string;
                                score: number;
                                explanation: {
                                    field: string;
                                    score: number | null;
                                    /** @enum {string} */
                                    effect: "supports" | "neutral" | "conflicts";
                                    detail: string;
                                }[];
                                foundBy: string;
                                /** @enum {string} */
                                state: "suggested" | "confirmed" | "rejected";
                                decidedBy: string | null;
                                decidedAt: string | null;
                                eventId: string | null;
                                names: {
                                    ar?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                    lat?: {
                                        given?: string;
                                        father?: string;
                                        grandfather?: string;
                                        family?: string;
                                        motherGiven?: string;
                                        motherFamily?: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "missing" | "detained" | "released" | "reported_dead" | "confirmed_dead" | "unknown";
                                father: string | null;
                                mother: string | null;
                                birthYears: {
                                    from: number | null;
                                    to: number | null;
                                };
                            }[];
                            tasks: {
                                id: string;
                                /** @enum {string} */
                                kind: "contact_family";
                                inquiryId: string;
                                personId: string | null;
                                /** @enum {string} */
                                reason: "match_confirmed" | "person_event";
                                eventId: string | null;
                                /** @enum {string} */
                                state: "open" | "done";
                                doneBy: string | null;
                                doneAt: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/registry-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open tasks: families to contact */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tasks: {
                                id: string;
                                /** @enum {string} */
                                kind: "contact_family";
                                inquiryId: string;
                                personId: string | null;
                                /** @enum {string} */
                                reason: "match_confirmed" | "person_event";
                                eventId: string | null;
                                /** @enum {string} */
                                state: "open" | "done";
                                doneBy: string | null;
                                doneAt: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/registry-tasks/{id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a task done */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "contact_family";
                            inquiryId: string;
                            personId: string | null;
                            /** @enum {string} */
                            reason: "match_confirmed" | "person_event";
                            eventId: string | null;
                            /** @enum {string} */
                            state: "open" | "done";
                            doneBy: string | null;
                            doneAt: string | null;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/public-inquiry-desk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the case takes inquiries from the public form */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            open: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Open or close the case to inquiries from the public form (case admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        open: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            open: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/public/inquiry-desks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inquiry desks that take inquiries from the public form */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            desks: {
                                slug: string;
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/inquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File an inquiry (no account): always the same answer, in the same time
         * @description The answer never says whether the person named is in the registry: it is the same body, sent no sooner than one second after the request arrived, whatever the inquiry matches (matching runs later). Rate limited per client address.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the inquiry desk (case slug) */
                        case: string;
                        names: {
                            ar?: {
                                given?: string;
                                father?: string;
                                grandfather?: string;
                                family?: string;
                                motherGiven?: string;
                                motherFamily?: string;
                            };
                            lat?: {
                                given?: string;
                                father?: string;
                                grandfather?: string;
                                family?: string;
                                motherGiven?: string;
                                motherFamily?: string;
                            };
                        };
                        /** @enum {string} */
                        sex?: "female" | "male" | "unknown";
                        bornFrom?: number;
                        bornTo?: number;
                        birthplace?: string;
                        /** @description when and where the family last had news of them */
                        lastSeen?: string;
                        details?: string;
                        /** @description the requester's relation to them */
                        relation: string;
                        contact?: {
                            name?: string;
                            phone?: string;
                            email?: string;
                            address?: string;
                            notes?: string;
                        };
                        consent: {
                            /** @enum {boolean} */
                            processing: true;
                            /** @default false */
                            share?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            received: true;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/timestamps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stamps, newest day first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stamps: {
                                id: string;
                                /** @description a UTC day, YYYY-MM-DD */
                                day: string;
                                manifestSha256: string;
                                /** @description captures in the manifest */
                                captures: number;
                                webCaptures: number;
                                auditHead: {
                                    seq: number;
                                    hash: string;
                                } | null;
                                tsaUrl: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                genTime: string;
                                serial: string;
                                signer: string;
                                /** @description SHA-256 fingerprint of the authority certificate the token was checked against when kept (as openssl x509 -fingerprint -sha256 prints it); null for stamps made before athar kept it */
                                tsaCertFingerprint: string | null;
                                createdBy: string;
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Stamp a day's manifest with the configured RFC 3161 authority (default: yesterday, UTC) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the day to stamp (default: yesterday, UTC) */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a UTC day, YYYY-MM-DD */
                        day?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description a UTC day, YYYY-MM-DD */
                            day: string;
                            manifestSha256: string;
                            /** @description captures in the manifest */
                            captures: number;
                            webCaptures: number;
                            auditHead: {
                                seq: number;
                                hash: string;
                            } | null;
                            tsaUrl: string;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            genTime: string;
                            serial: string;
                            signer: string;
                            /** @description SHA-256 fingerprint of the authority certificate the token was checked against when kept (as openssl x509 -fingerprint -sha256 prints it); null for stamps made before athar kept it */
                            tsaCertFingerprint: string | null;
                            createdBy: string;
                            /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/timestamps/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check every stored token again against its manifest and the authority certificate */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            failed: {
                                id: string;
                                /** @description a UTC day, YYYY-MM-DD */
                                day: string;
                                reason: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/timestamps/{id}/manifest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The manifest exactly as stamped */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/timestamps/{id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The RFC 3161 token (DER; openssl ts -verify -token_in checks it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/media/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An evidence package of the case's media: originals, WARCs, capture records, custody, time-stamps
         * @description A tar archive (application/x-tar) of one folder: README.txt (how to check each part with sha256sum and openssl ts), SHA256SUMS (every other file), export.json, captures.json (every capture of each item and every URL capture), custody.json (the audit events about them), originals/<sha256>.<ext> byte for byte, warc/<id>.warc.gz, and timestamps/<day>_<id>/ (manifest.json, token.tst, tsa.pem, stamp.json) for each RFC 3161 stamp whose manifest lists one of its captures. Send {} for every item and URL capture of the case, or {"items": [ids]} for those items and the URL captures that brought them. The export is recorded before the archive is sent (media.evidence_exported with its SHA-256, and a custody event on each original and WARC); the headers x-athar-export-id, x-athar-sha256 and x-athar-items describe it. 404 media.not_found naming /items/N for an id not of this case; 400 media.nothing_to_export for a case with no media.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the media items to export (ids; each must be of this case); all the case's items and URL captures when left out */
                        items?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Walk the hash chain; names the first altered, deleted or reordered event */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /** @description events walked */
                            events: number;
                            head: {
                                seq: number;
                                hash: string;
                            } | null;
                            problem: {
                                kind: "altered" | "deleted" | "reordered" | "truncated";
                                seq: number;
                                id: string | null;
                                missingSeq?: number;
                                message: string;
                            } | null;
                            checkedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    entityType?: string;
                    entityId?: string;
                    /** @description events with seq below this (older paging; prefer cursor) */
                    before?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                seq: number;
                                id: string;
                                at: string;
                                actor: string;
                                actorId: string | null;
                                action: string;
                                entityType: string;
                                entityId: string | null;
                                caseId: string | null;
                                before: unknown;
                                after: unknown;
                                /** @description true when before/after are withheld: the event is of a case you are not a member of */
                                contentHidden?: boolean;
                                hash: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's audit events (case admins) */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    entityType?: string;
                    entityId?: string;
                    /** @description events with seq below this (older paging; prefer cursor) */
                    before?: number;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                seq: number;
                                id: string;
                                at: string;
                                actor: string;
                                actorId: string | null;
                                action: string;
                                entityType: string;
                                entityId: string | null;
                                caseId: string | null;
                                before: unknown;
                                after: unknown;
                                /** @description true when before/after are withheld: the event is of a case you are not a member of */
                                contentHidden?: boolean;
                                hash: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's history, for its members: of one record, or since a moment */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    entityType?: string;
                    entityId?: string;
                    /** @description events from this instant on (what changed since I last looked) */
                    since?: string;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                seq: number;
                                id: string;
                                at: string;
                                actor: string;
                                actorId: string | null;
                                action: string;
                                entityType: string;
                                entityId: string | null;
                                caseId: string | null;
                                before: unknown;
                                after: unknown;
                                /** @description true when before/after are withheld: the event is of a case you are not a member of */
                                contentHidden?: boolean;
                                hash: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load the demo case "Sednaya prison, December 2024" (idempotent)
         * @description The case file loads in one transaction; then its synthetic stand-in videos are made with ffmpeg and captured one by one (the answer says what became of them: made, already there, off with ATHAR_DEMO_MEDIA=false, or why not). Calling it again finishes what an interrupted load left.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every dated thing in the case, in order, rendered in a zone (default: the case zone) */
        get: {
            parameters: {
                query?: {
                    /** @description page size (at most 500) */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description IANA time zone, e.g. Asia/Damascus */
                    zone?: string;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            timeZone: string;
                            entries: {
                                /** @description ISO 8601 instant in UTC, e.g. 2024-12-09T13:45:00Z */
                                at: string;
                                local: string;
                                /**
                                 * @description how precisely the source gave the time
                                 * @enum {string}
                                 */
                                precision: "year" | "month" | "day" | "hour" | "minute" | "second";
                                sourceTimeZone: string | null;
                                /** @description case.event_start, statement, claim.first_seen, claim.verdict, claim.published, sweep.started, sweep.ended */
                                kind: string;
                                entityType: string;
                                entityId: string;
                                /** @description a sentence in English */
                                title: string;
                                /** @description the parts of the title, to word it in another language */
                                parts: {
                                    /** @description who: the source, the team */
                                    subject: string | null;
                                    /** @description the record's own words, clipped */
                                    text: string;
                                    /** @description a code: the sweep's result, the verdict */
                                    detail: string | null;
                                };
                                isDemo: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
